// Little-endian fixed-width values in model sections (the file format is little-endian and
// so are the machines parley runs on; memcpy keeps unaligned reads defined).
#ifndef PARLEY_SYNTAX_BYTES_H_
#define PARLEY_SYNTAX_BYTES_H_

#include <cstring>
#include <string>
#include <string_view>

namespace parley::syntax::internal {

template <typename T>
T ReadValue(std::string_view bytes, size_t offset) {
  T value;
  std::memcpy(&value, bytes.data() + offset, sizeof(T));
  return value;
}

template <typename T>
void AppendValue(std::string* out, T value) {
  out->append(reinterpret_cast<const char*>(&value), sizeof(T));
}

}  // namespace parley::syntax::internal

#endif  // PARLEY_SYNTAX_BYTES_H_
