"""The HTTP server both previews run on: a bounded number of threads, and none for a silent client.

A local preview still meets a browser with dozens of tabs, a link checker or a stuck client. The standard
``ThreadingHTTPServer`` takes 5 waiting connections, starts a thread for every one and waits on a silent
client for ever (1,000 slow clients made 1,002 threads, and requests waited up to 91 s). Here the accept
queue is long; a connection gets a thread only once its request has begun to arrive (one thread watches
all waiting connections with ``selectors`` and lets go of those silent for ``IDLE_SECONDS``); and at most
``MAX_THREADS`` requests are answered at once.
"""

from __future__ import annotations

import contextlib
import queue
import selectors
import socket
import sys
import threading
import time
from http.server import ThreadingHTTPServer
from typing import Any

MAX_THREADS = 64
IDLE_SECONDS = 10.0
QUEUE = 256


class BoundedServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = QUEUE

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._slots = threading.BoundedSemaphore(MAX_THREADS)
        self._arrived: queue.SimpleQueue[tuple[socket.socket, Any]] = queue.SimpleQueue()
        self._wake_reader, self._wake_writer = socket.socketpair()
        self._closing = False
        self._watcher = threading.Thread(target=self._watch, name="woosite-connections", daemon=True)
        super().__init__(*args, **kwargs)  # binds; on failure calls server_close
        self._watcher.start()

    def process_request(self, request: Any, client_address: Any) -> None:
        """Hand the new connection to the watcher; it starts a thread when the request comes in."""
        self._arrived.put((request, client_address))
        self._wake()

    def _wake(self) -> None:
        with contextlib.suppress(OSError):  # closing, or the wake-up pipe is full (the watcher wakes anyway)
            self._wake_writer.send(b"\0")

    def _watch(self) -> None:
        """One thread for all connections that have not sent anything yet."""
        with selectors.DefaultSelector() as waiting:
            waiting.register(self._wake_reader, selectors.EVENT_READ)
            while not self._closing:
                for key, _events in waiting.select(timeout=1.0):
                    if key.fileobj is self._wake_reader:
                        self._wake_reader.recv(4096)
                        continue
                    waiting.unregister(key.fileobj)
                    self._answer(key.fileobj, key.data[0])  # type: ignore[arg-type]
                while not self._arrived.empty():
                    request, address = self._arrived.get()
                    waiting.register(request, selectors.EVENT_READ, (address, time.monotonic()))
                now = time.monotonic()
                for key in list(waiting.get_map().values()):
                    if key.data is not None and now - key.data[1] > IDLE_SECONDS:
                        waiting.unregister(key.fileobj)
                        self.shutdown_request(key.fileobj)  # type: ignore[arg-type]
            for key in list(waiting.get_map().values()):
                if key.data is not None:
                    self.shutdown_request(key.fileobj)  # type: ignore[arg-type]

    def _answer(self, request: socket.socket, client_address: Any) -> None:
        """A thread for a request that has begun to arrive, once one of ``MAX_THREADS`` slots is free."""
        self._slots.acquire()
        request.settimeout(IDLE_SECONDS)
        thread = threading.Thread(target=self.process_request_thread, args=(request, client_address), daemon=True)
        try:
            thread.start()
        except RuntimeError:
            self._slots.release()
            self.shutdown_request(request)

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._slots.release()

    def server_close(self) -> None:
        self._closing = True
        self._wake()
        super().server_close()
        if self._watcher.is_alive():
            self._watcher.join(timeout=5)
        self._wake_reader.close()
        self._wake_writer.close()

    def handle_error(self, request: object, client_address: object) -> None:
        """A browser tab closed mid-answer, or a client gone silent, is no error worth a traceback."""
        if not isinstance(sys.exc_info()[1], ConnectionError | TimeoutError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]
