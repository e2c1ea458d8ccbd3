"""Plan Assistant in Slack, on slack-bolt.

The Slack face renders the same ``Answer`` the CLI renders and does no retrieval of
its own. One job per module:

- ``app``       builds the Bolt ``App`` and registers the listeners
- ``listeners`` mentions, DMs, thread follow-ups and ``/plan``
- ``actions``   buttons (feedback, share, draft, nearest item), the 👎 modal, the shortcut
- ``answering`` asks the library and posts the answer, split to Slack's limits
- ``blocks``    ``Answer`` → Block Kit (mrkdwn escaping, rating markers, sources)
- ``drafting``  an officer's draft reply (the drafting path; a grounded fallback)
- ``access``    which document labels an answer may use, by who can read it
- ``incoming``  Slack-formatted message text → a plain question
- ``threads``   the last answer per thread, so follow-ups resolve
- ``dedupe``    Slack retries and duplicate deliveries answered once
- ``ratelimit`` questions per person per minute, and replayed signed requests refused
- ``feedback``  the SQLite store of answers and 👍/👎, and its export to eval items
- ``server``    the HTTP endpoint and Socket Mode runners
- ``executor``  the listener thread pool, which knows when answers are in flight
- ``commands``  ``planbot slack`` and ``planbot feedback export``

Nothing here imports the embedding model at import time, so ``planbot --help`` stays fast.
"""
