"""Proof 4: a node stopped (SIGTERM) in the middle of a stream of progress saves through nginx loses nothing.

Four writers each save one action's progress over and over, every text unique and ending in its own length,
so a text cut short is seen. Halfway through, node B is stopped as `systemctl stop` would. Every save answered
with the redirect that follows a save must then be in the update's history, word for word.
"""

import threading
import time
from concurrent.futures import ThreadPoolExecutor

from .browser import Browser, Origin, form_with
from .stack import psql

WRITERS = 4
WRITES_EACH = 50
MARK = "Deployment check write"
# Long enough to span several TCP packets, so a half-received request would show.
FILLER = "Partners met and agreed the next steps for this action. " * 40


def text_for(action_id: int, number: int) -> str:
    body = f"{MARK} {action_id}-{number}. {FILLER}"
    return f"{body}[{len(body)}]"


class Stream:
    def __init__(self, browser: Browser, nginx: Origin, round_id: int, stop_at: int, stop_node):
        self.browser, self.nginx, self.round_id = browser, nginx, round_id
        self.stop_at, self.stop_node = stop_at, stop_node
        self.acknowledged: list[tuple[int, int]] = []
        self.failed: list[tuple[tuple[int, int], str]] = []
        self.lock = threading.Lock()
        self.stopped = threading.Event()

    def editable(self, action_id: int) -> bool:
        page = self.browser.get(self.nginx, self._path(action_id))
        return page.status == 200 and 'name="progress"' in page.text and 'value="save"' in page.text

    def _path(self, action_id: int) -> str:
        return f"/actions/{action_id}/progress/{self.round_id}/"

    def write(self, action_id: int, number: int) -> None:
        try:
            page = self.browser.get(self.nginx, self._path(action_id))
            form = form_with(page.text, "progress")
            fields = [(name, value) for name, value in form["fields"] if name != "progress"]
            fields += [("progress", text_for(action_id, number)), ("intent", "save")]
            answer = self.browser.post(self.nginx, self._path(action_id), fields)
        except (OSError, LookupError) as error:
            self._failed((action_id, number), type(error).__name__)
            return
        if answer.status in {301, 302, 303}:
            with self.lock:
                self.acknowledged.append((action_id, number))
                if len(self.acknowledged) == self.stop_at and not self.stopped.is_set():
                    self.stopped.set()
                    threading.Thread(target=self.stop_node).start()
        else:
            self._failed((action_id, number), str(answer.status))

    def _failed(self, write: tuple[int, int], what: str) -> None:
        with self.lock:
            self.failed.append((write, what))

    def writer(self, action_id: int) -> None:
        for number in range(WRITES_EACH):
            self.write(action_id, number)


def stream_survives_node_stop(stream: Stream, database: str, candidates: list[int]) -> tuple[bool, str]:
    actions = [action_id for action_id in candidates if stream.editable(action_id)][:WRITERS]
    if len(actions) < WRITERS:
        return False, f"only {len(actions)} actions the board manager may write progress on"
    started = time.monotonic()
    with ThreadPoolExecutor(WRITERS) as pool:
        list(pool.map(stream.writer, actions))
    seconds = time.monotonic() - started
    # One line per saved version: the texts hold no line breaks.
    history = f"SELECT progress FROM objectives_historicalprogressupdate WHERE progress LIKE '{MARK} %'"
    stored = set(psql(database, history).splitlines())
    lost = [pair for pair in stream.acknowledged if text_for(*pair) not in stored]
    expected = {text_for(a, n) for a in actions for n in range(WRITES_EACH)}
    torn = [text for text in stored if text not in expected]
    # A failed save may or may not have been stored; the check says which, so nobody has to guess.
    failed_but_stored = sum(text_for(*write) in stored for write, _ in stream.failed)
    figure = (
        f"{WRITERS * WRITES_EACH} saves through nginx, node B stopped after {stream.stop_at}: "
        f"{len(stream.acknowledged)} acknowledged, {len(stream.failed)} failed "
        f"({', '.join(sorted({what for _, what in stream.failed})) or 'none'}; {failed_but_stored} of them stored "
        f"all the same), {len(lost)} acknowledged but missing, {len(torn)} half-written; "
        f"{2 * WRITERS * WRITES_EACH / seconds:.0f} requests/s"
    )
    return stream.stopped.is_set() and not lost and not torn, figure
