"""What the tests and benchmarks share (issue 14): one launcher of the real assistant
(`stack.py`), the supporting servers it and the fault tests need (`servers.py`: PostgreSQL,
a lone case service, Redis), `make run` itself for the browser tests (`run_stack.py`), one chat
client that answers whatever the assistant asks (`chat.py`), and one tracker for action unit
tests (`tracker.py`). Import it as `tests.support...`; nothing here edits sys.path."""
