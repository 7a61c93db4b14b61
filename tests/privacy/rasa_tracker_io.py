"""Runs inside .venv-rasa: writes and reads conversations through Rasa's own SQLTrackerStore, so
the retention tests work on tables exactly as Rasa 3.6 makes and reads them.

    python rasa_tracker_io.py write STORE_JSON CONVERSATIONS_JSON
    python rasa_tracker_io.py read STORE_JSON SENDER...     -> {sender: [user texts]} on stdout

STORE_JSON holds SQLTrackerStore's keyword arguments (dialect, db, host, port, username).
CONVERSATIONS_JSON maps sender id -> list of [age_in_days, user_text].
"""

import asyncio
import json
import sys
import time


def _store(spec):
    from rasa.core.tracker_store import SQLTrackerStore

    return SQLTrackerStore(**spec)


async def write(spec, conversations):
    from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    store = _store(spec)
    now = time.time()
    for sender, turns in conversations.items():
        events = []
        previous_age = None
        for age_days, said in turns:  # oldest first
            ts = now - age_days * 86400
            # A new session after an hour's gap, as Rasa itself would start one.
            if previous_age is None or previous_age - age_days > 1 / 24:
                events.append(ActionExecuted("action_session_start", timestamp=ts - 2))
                events.append(SessionStarted(timestamp=ts - 2))
                events.append(ActionExecuted("action_listen", timestamp=ts - 1))
            events.append(
                UserUttered(said, intent={"name": "inform", "confidence": 1.0}, timestamp=ts)
            )
            events.append(BotUttered("Thank you.", timestamp=ts + 0.5))
            events.append(ActionExecuted("action_listen", timestamp=ts + 0.6))
            previous_age = age_days
        await store.save(DialogueStateTracker.from_events(sender, events))


async def read(spec, senders):
    from rasa.shared.core.events import UserUttered

    store = _store(spec)
    out = {}
    for sender in senders:
        tracker = await store.retrieve_full_tracker(sender)
        out[sender] = (
            [e.text for e in tracker.events if isinstance(e, UserUttered)] if tracker else None
        )
    print(json.dumps(out))


if __name__ == "__main__":
    mode, spec = sys.argv[1], json.loads(sys.argv[2])
    if mode == "write":
        asyncio.run(write(spec, json.loads(sys.argv[3])))
    else:
        asyncio.run(read(spec, sys.argv[3:]))
