#!/usr/bin/env python3
"""A loopback HTTP/1.1 server that accepts and keeps any number of
keep-alive connections (Apache's defaults refuse 10,000): one epoll loop,
a fixed small response to every request. For the load benchmark only.

Usage: hold_server.py PORT   (listens on 127.0.0.1 only; stops on SIGTERM)
"""
import resource
import select
import signal
import socket
import sys

BODY = b"x" * 64
RESPONSE = (b"HTTP/1.1 200 OK\r\nServer: hold_server\r\nContent-Length: "
            + str(len(BODY)).encode() + b"\r\nContent-Type: text/plain\r\n\r\n" + BODY)


def main():
    port = int(sys.argv[1])
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", port))
    listener.listen(4096)
    listener.setblocking(False)
    poller = select.epoll()
    poller.register(listener.fileno(), select.EPOLLIN)
    connections = {}
    pending = {}
    running = [True]
    signal.signal(signal.SIGTERM, lambda *_: running.__setitem__(0, False))
    print("listening", flush=True)
    while running[0]:
        for fd, events in poller.poll(0.2):
            if fd == listener.fileno():
                while True:
                    try:
                        conn, _ = listener.accept()
                    except BlockingIOError:
                        break
                    conn.setblocking(False)
                    connections[conn.fileno()] = conn
                    pending[conn.fileno()] = b""
                    poller.register(conn.fileno(), select.EPOLLIN)
                continue
            conn = connections.get(fd)
            if conn is None:
                continue
            try:
                data = conn.recv(65536)
            except (BlockingIOError, InterruptedError):
                continue
            except OSError:
                data = b""
            if not data:
                poller.unregister(fd)
                conn.close()
                del connections[fd]
                del pending[fd]
                continue
            buffered = pending[fd] + data
            answers = buffered.count(b"\r\n\r\n")
            pending[fd] = buffered[buffered.rfind(b"\r\n\r\n") + 4:] if answers else buffered
            if answers:
                try:
                    conn.sendall(RESPONSE * answers)
                except OSError:
                    pass
    print("held at most", len(connections), "connections at exit", flush=True)


if __name__ == "__main__":
    main()
