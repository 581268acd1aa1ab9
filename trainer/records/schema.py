"""The database schema as forward migrations, indexed by PRAGMA user_version."""

from __future__ import annotations

# 'TRNR' in ASCII: marks a SQLite file as ours, so another program's database is refused, not changed.
APPLICATION_ID = 0x54524E52

MIGRATIONS: tuple[str, ...] = (
    # 1: trainees, groups, scenario snapshots, sessions, events
    """
    CREATE TABLE trainees (
        code TEXT PRIMARY KEY,
        display_name TEXT,
        created_at TEXT NOT NULL
    );
    CREATE TABLE groups (
        id INTEGER PRIMARY KEY,
        label TEXT NOT NULL UNIQUE,
        date TEXT,
        leader TEXT,
        location TEXT,
        created_at TEXT NOT NULL
    );
    CREATE TABLE scenario_versions (
        content_hash TEXT PRIMARY KEY,
        scenario_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        snapshot TEXT NOT NULL
    );
    CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        trainee_code TEXT NOT NULL REFERENCES trainees(code),
        group_id INTEGER REFERENCES groups(id),
        scenario_id TEXT NOT NULL,
        scenario_version INTEGER NOT NULL,
        content_hash TEXT NOT NULL REFERENCES scenario_versions(content_hash),
        seed INTEGER NOT NULL,
        lang TEXT NOT NULL,
        started_at TEXT NOT NULL,
        ended_at TEXT,
        status TEXT NOT NULL CHECK (status IN ('active', 'finished'))
    );
    CREATE INDEX sessions_by_group ON sessions(group_id);
    CREATE INDEX sessions_by_trainee ON sessions(trainee_code);
    CREATE TABLE events (
        session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        wall_time TEXT NOT NULL,
        mono_time REAL NOT NULL,
        type TEXT NOT NULL,
        payload TEXT NOT NULL,
        PRIMARY KEY (session_id, seq)
    ) WITHOUT ROWID;
    """,
    # 2: the group's "wat nemen we mee?" commitments, typed by the gespreksleider in `debrief --present`
    """
    CREATE TABLE commitments (
        group_id INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        text TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (group_id, seq)
    );
    """,
    # 3: the gespreksleider's console (issue 18): flags with notes, revotes of a decision point, and the
    # show of hands typed in when everyone played on one laptop. The trainees' revote votes are RevoteCast
    # events in their own sessions, not rows here: one place, carried by sync, export and purge with the
    # session. Flags and revotes carry a random id, so sync can merge those made on a laptop with those made
    # on the server; `at_session` has no foreign key because a console may flag a session it reads from the
    # server (purge removes such flags explicitly).
    """
    CREATE TABLE flags (
        id TEXT PRIMARY KEY,
        group_id INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        at_session TEXT,
        at_node TEXT,
        note TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (group_id, seq)
    );
    CREATE TABLE revotes (
        id TEXT PRIMARY KEY,
        group_id INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
        scenario_id TEXT NOT NULL,
        node_id TEXT NOT NULL,
        opened_at TEXT NOT NULL,
        closed_at TEXT
    );
    CREATE INDEX revotes_by_group ON revotes(group_id);
    CREATE TABLE revote_hands (
        revote_id TEXT NOT NULL REFERENCES revotes(id) ON DELETE CASCADE,
        choice_id TEXT NOT NULL,
        count INTEGER NOT NULL CHECK (count >= 0),
        PRIMARY KEY (revote_id, choice_id)
    );
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)
