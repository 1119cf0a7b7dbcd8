#!/usr/bin/env python3
"""Hostile-client figures for a running `parley serve` (bench/serve_stress.sh starts it).

  serve_stress.py PORT PID idle     200 idle connections, then probe latencies
  serve_stress.py PORT PID chunked  a 10 MB chunked POST: status, time, server RSS

Loopback only; every socket has a timeout, so a stalled server fails the run, not hangs it.
"""
import socket
import sys
import threading
import time

PROBE = b"GET /api/dyad?a=RUS&b=KOR HTTP/1.1\r\nHost: bench\r\n\r\n"


def rss_kb(pid, field="VmRSS"):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def read_response(sock):
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        body += chunk
    return head + b"\r\n\r\n" + body


def probe(port):
    start = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
        s.sendall(PROBE)
        status = read_response(s)[9:12]
    return status, (time.monotonic() - start) * 1000


def idle(port, pid, count=200, probes=50):
    conns = [socket.create_connection(("127.0.0.1", port), timeout=30) for _ in range(count)]
    # A quarter of them stall in the middle of a request line.
    for s in conns[: count // 4]:
        s.sendall(b"GET /api/dyad?a=RUS&b=KO")
    time.sleep(0.2)
    latencies = []
    for _ in range(probes):
        status, ms = probe(port)
        if status != b"200":
            print(f"idle: probe got {status!r}")
            return 1
        latencies.append(ms)
    latencies.sort()
    print(f"idle: {count} idle connections open; {probes} probes: median "
          f"{latencies[len(latencies) // 2]:.1f} ms, max {latencies[-1]:.1f} ms")
    for s in conns:
        s.close()
    return 0 if latencies[-1] < 100 else 1


def chunked(port, pid, total=10 * 1024 * 1024):
    before, hwm_before = rss_kb(pid), rss_kb(pid, "VmHWM")
    s = socket.create_connection(("127.0.0.1", port), timeout=30)
    start = time.monotonic()
    s.sendall(b"POST /api/explain HTTP/1.1\r\nHost: bench\r\nContent-Type: text/plain\r\n"
              b"Transfer-Encoding: chunked\r\n\r\n")
    data = b"Seoul joined the sanctions against Moscow. " * 1500
    chunk = b"%x\r\n" % len(data) + data + b"\r\n"
    sent = [0]

    def send():
        try:
            while sent[0] < total:
                s.sendall(chunk)
                sent[0] += len(chunk)
            s.sendall(b"0\r\n\r\n")
        except OSError:
            pass

    sender = threading.Thread(target=send)
    sender.start()
    response = read_response(s)
    elapsed = (time.monotonic() - start) * 1000
    s.close()
    sender.join()
    after, hwm_after = rss_kb(pid), rss_kb(pid, "VmHWM")
    status = response[9:12].decode(errors="replace")
    body = response.partition(b"\r\n\r\n")[2][:80]
    print(f"chunked: {total >> 20} MB chunked body -> {status} in {elapsed:.0f} ms "
          f"(client had sent {sent[0] >> 10} KB); server RSS {before // 1024} MB -> "
          f"{after // 1024} MB, peak {hwm_before // 1024} MB -> {hwm_after // 1024} MB; "
          f"body {body!r}")
    ok = status == "413" and elapsed < 1000 and after - before < 10 * 1024
    return 0 if ok else 1


if __name__ == "__main__":
    port, pid, what = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    sys.exit({"idle": idle, "chunked": chunked}[what](port, pid))
