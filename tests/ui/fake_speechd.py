"""A speech-dispatcher that stops answering, on a real AF_UNIX socket libspeechd connects to.

Qt's speechd engine finds it through SPEECHD_ADDRESS=unix_socket:PATH. `answer_until=None`
takes connections and never says a word (the QTextToSpeech constructor blocks); a command
name such as "SPEAK" answers the SSIP handshake and everything else until that command
arrives, then goes silent (say() blocks, and so does everything queued after it).

Nothing here ever closes a connection libspeechd waits on: when a stuck connection closes,
the speechd engine crashes the process (segfault, seen with libspeechd 0.11.4 and Qt 6.11).
So the sockets stay open until the test process ends, detached from their Python objects.
"""

from __future__ import annotations

import socket
import threading
from pathlib import Path

VOICES = ["English\ten\tnone", "Spanish\tes\tnone"]
ANSWERS = {
    "SET": "200 OK",
    "LIST OUTPUT_MODULES": ["250-espeak-ng", "250 OK MODULE LIST SENT"],
    "GET OUTPUT_MODULE": ["251-espeak-ng", "251 OK GET RETURNED"],
    "LIST SYNTHESIS_VOICES": [f"249-{voice}" for voice in VOICES] + ["249 OK VOICE LIST SENT"],
    "HISTORY GET CLIENT_ID": ["245-1", "245 OK CLIENT ID SENT"],
}
_kept: list[int] = []  # file descriptors never to be closed (see above)


class FakeSpeechd:
    def __init__(self, path: Path, answer_until: str | None) -> None:
        self.path, self.answer_until = path, answer_until
        self.commands: list[str] = []
        self.silent = threading.Event()  # set once a connection stopped answering
        listening = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        listening.bind(str(path))
        listening.listen(16)
        self.fd = listening.detach()
        _kept.append(self.fd)
        threading.Thread(target=self._accept, daemon=True, name="fake speechd").start()

    @property
    def address(self) -> str:
        return f"unix_socket:{self.path}"

    def _accept(self) -> None:
        listening = socket.socket(fileno=self.fd)
        while True:
            connection, _ = listening.accept()
            threading.Thread(target=self._serve, args=(connection,), daemon=True).start()

    def _serve(self, connection: socket.socket) -> None:
        if self.answer_until is None:
            self._go_silent(connection)
            return
        lines = connection.makefile("rb")
        for raw in lines:
            command = raw.decode(errors="replace").strip()
            self.commands.append(command)
            if command.upper().startswith(self.answer_until):
                self._go_silent(connection)
                return
            connection.sendall(self._answer(command).encode())

    def _go_silent(self, connection: socket.socket) -> None:
        """Say nothing more, and keep the connection open until the process ends."""
        _kept.append(connection.detach())
        self.silent.set()

    @staticmethod
    def _answer(command: str) -> str:
        upper = command.upper()
        key = next((k for k in ANSWERS if upper.startswith(k) and k != "SET"), None)
        if key is None and upper.startswith("SET"):
            key = "SET"
        answer = ANSWERS.get(key, "200 OK")
        lines = answer if isinstance(answer, list) else [answer]
        return "".join(line + "\r\n" for line in lines)
