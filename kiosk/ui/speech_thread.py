"""The speech engine's own thread: the one place QTextToSpeech is made and driven.

An engine can block for ever: a speech-dispatcher that takes the connection and never
answers blocks the QTextToSpeech constructor, and a dispatcher that stops answering later
blocks say(), stop() and every other call. PySide holds the GIL while it calls into Qt, so
a Python thread stuck in the engine would freeze the UI thread too. So Python never calls
an engine method that talks to the engine: this thread's event loop runs them as queued
calls (QMetaObject.invokeMethod), in C++, with the GIL released. Python on this thread only
builds a placeholder ("none", which loads no plug-in) and reads values the engines keep at
hand (state, error, locales) when it answers.

The thread is a daemon Python thread turning a QEventLoop, not a QThread: Qt aborts the
process when a QThread object is destroyed while its thread runs, and a thread stuck in the
engine may never end. A daemon thread is simply left behind at exit.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import (
    Q_ARG,
    QEventLoop,
    QMetaObject,
    QObject,
    Qt,
    QThread,
    Signal,
    Slot,
)

PLACEHOLDER = "none"  # QTextToSpeech loads nothing for it, and says nothing about it
STATES = {"Ready": "ready", "Speaking": "speaking", "Paused": "paused", "Error": "error"}


def queued(target: QObject, method: str, *args: object) -> None:
    """Run `method` of `target` in `target`'s thread, later; never waits."""
    QMetaObject.invokeMethod(target, method, Qt.ConnectionType.QueuedConnection, *args)


class EngineHost(QObject):
    """Lives on the speech thread and owns the engine, a child of it."""

    # The number asked about, the engine's state ("ready", "speaking", "paused", "error",
    # "synthesizing"), its error in words, and its locales (a list of QLocale).
    answered = Signal(int, str, str, object)

    def __init__(self, engine: str, volume: float, listener: QObject) -> None:
        super().__init__()
        self.engine_name, self.volume, self.listener = engine, volume, listener
        self.tts = None

    def build(self) -> None:
        """Make the placeholder and connect it; the real engine loads from the event loop."""
        from PySide6.QtTextToSpeech import QTextToSpeech

        self.tts = tts = QTextToSpeech(PLACEHOLDER, self)
        listener = self.listener
        # Queued into the listener's (UI) thread, as the listener lives there.
        tts.stateChanged.connect(listener.engine_state_changed)
        tts.errorOccurred.connect(listener.engine_failed)
        tts.sayingWord.connect(listener.engine_said_word)
        self.answered.connect(listener.engine_answered)
        queued(tts, "setEngine", Q_ARG(str, self.engine_name))
        queued(tts, "setVolume", Q_ARG(float, self.volume))
        queued(self, "answer", Q_ARG(int, 0))

    @Slot(int)
    def answer(self, number: int) -> None:
        """Say the engine got this far: everything queued before `number` has run."""
        tts = self.tts
        state = STATES.get(tts.state().name, tts.state().name.lower())
        self.answered.emit(number, state, tts.errorString(), list(tts.availableLocales()))


class EngineThread:
    """The daemon thread and its EngineHost; every method returns at once (close: bounded)."""

    def __init__(self, engine: str, volume: float, listener: QObject) -> None:
        self.engine, self.volume, self.listener = engine, volume, listener
        self.host: EngineHost | None = None  # set by the thread, before its first answer
        self._lock = threading.Lock()
        self._closed = False
        self.thread = threading.Thread(target=self._run, name="speech engine", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        loop = QEventLoop()
        host = EngineHost(self.engine, self.volume, self.listener)  # made here, lives here
        # Owned by Qt's object for this thread, not by Python: at exit PySide deletes the
        # QObjects Python owns from the main thread, and deleting a stuck engine blocks.
        host.setParent(QThread.currentThread())
        host.destroyed.connect(loop.quit)
        with self._lock:
            if self._closed:
                return
            self.host = host
        host.build()
        # `host` stays referenced by this frame for as long as the thread lives (maybe for
        # ever, stuck in the engine), so it is never deleted from another thread.
        loop.exec()

    def call(self, method: str, *args: object) -> None:
        """Queue a call of the engine's `method` (args made with Q_ARG)."""
        if self.host is not None:
            queued(self.host.tts, method, *args)

    def ask(self, number: int) -> None:
        """Ask for an answer once everything queued so far has run."""
        if self.host is not None:
            queued(self.host, "answer", Q_ARG(int, number))

    def close(self, wait_seconds: float) -> bool:
        """Delete the engine in its thread and end the thread; True if it ended in time.

        A thread stuck in the engine never gets to the deletion: it is left behind, a daemon
        that dies with the process."""
        with self._lock:
            self._closed = True
            host, self.host = self.host, None
        if host is not None:
            queued(host, "deleteLater")
        self.thread.join(wait_seconds)
        return not self.thread.is_alive()

    @property
    def alive(self) -> bool:
        return self.thread.is_alive()
