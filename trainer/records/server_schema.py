"""The shared PostgreSQL store's schema as forward migrations, versioned like the SQLite one.

The tables mirror the local SQLite schema (trainees, groups and their commitments, scenario snapshots,
sessions, events; schema 3 adds the console's flags, revotes and hands) so the same records read the same
from either backend. `diverged_events` keeps a
history that disagreed with the stored one: nothing is overwritten and nothing is lost.
"""

from __future__ import annotations

MIGRATIONS: tuple[str, ...] = (
    # 1: the local schema's tables, plus the version row and the diverged histories
    """
    CREATE TABLE trainer_schema (
        version INTEGER NOT NULL,
        application TEXT NOT NULL DEFAULT 'trainer'
    );
    INSERT INTO trainer_schema(version) VALUES (0);
    CREATE TABLE trainees (
        code TEXT PRIMARY KEY,
        display_name TEXT,
        created_at TEXT NOT NULL
    );
    CREATE TABLE groups (
        id BIGSERIAL PRIMARY KEY,
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
        group_id BIGINT REFERENCES groups(id),
        scenario_id TEXT NOT NULL,
        scenario_version INTEGER NOT NULL,
        content_hash TEXT NOT NULL REFERENCES scenario_versions(content_hash),
        seed BIGINT NOT NULL,
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
        mono_time DOUBLE PRECISION NOT NULL,
        type TEXT NOT NULL,
        payload TEXT NOT NULL,
        PRIMARY KEY (session_id, seq)
    );
    CREATE TABLE diverged_events (
        session_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        wall_time TEXT NOT NULL,
        mono_time DOUBLE PRECISION NOT NULL,
        type TEXT NOT NULL,
        payload TEXT NOT NULL,
        reported_at TIMESTAMPTZ NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX diverged_once ON diverged_events(session_id, seq, md5(payload));
    """,
    # 2: the group's "wat nemen we mee?" commitments (as in the local schema 2), and purged sessions: a
    # purge on the server is kept as the bare session id, so a laptop that still holds the session does not
    # push it back (the id is random and names nobody)
    """
    CREATE TABLE commitments (
        group_id BIGINT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        text TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (group_id, seq)
    );
    CREATE TABLE purged_sessions (
        id TEXT PRIMARY KEY,
        purged_at TIMESTAMPTZ NOT NULL DEFAULT now()
    );
    """,
    # 3: casting places claimed per group and scenario, so a group on many laptops shares the Latin square:
    # the next place to hand out (a row lock makes two laptops starting at once get two places)
    """
    CREATE TABLE casting_places (
        group_label TEXT NOT NULL,
        scenario_id TEXT NOT NULL,
        next_place INTEGER NOT NULL CHECK (next_place >= 1),
        PRIMARY KEY (group_label, scenario_id)
    );
    """,
    # 4: the gespreksleider's console (as the local schema 3): flags, revotes and the show of hands; and
    # NOTIFY on channel trainer_live with the group's id whenever something of a group changes, so consoles
    # and trainees' windows that LISTEN learn of it at once (they poll as well, in case a NOTIFY is lost)
    """
    CREATE TABLE flags (
        id TEXT PRIMARY KEY,
        group_id BIGINT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        at_session TEXT,
        at_node TEXT,
        note TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (group_id, seq)
    );
    CREATE TABLE revotes (
        id TEXT PRIMARY KEY,
        group_id BIGINT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
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
    CREATE FUNCTION trainer_live_rows() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE gid BIGINT;
    BEGIN
        IF TG_TABLE_NAME = 'revote_hands' THEN
            SELECT group_id INTO gid FROM revotes WHERE id = NEW.revote_id;
        ELSE
            gid := NEW.group_id;
        END IF;
        IF gid IS NOT NULL THEN
            PERFORM pg_notify('trainer_live', gid::text);
        END IF;
        RETURN NULL;
    END $$;
    CREATE FUNCTION trainer_live_events() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM pg_notify('trainer_live', g::text) FROM (
            SELECT DISTINCT s.group_id AS g FROM fresh f JOIN sessions s ON s.id = f.session_id
            WHERE s.group_id IS NOT NULL
        ) AS touched;
        RETURN NULL;
    END $$;
    CREATE TRIGGER events_live AFTER INSERT ON events REFERENCING NEW TABLE AS fresh
        FOR EACH STATEMENT EXECUTE FUNCTION trainer_live_events();
    CREATE TRIGGER sessions_live AFTER INSERT OR UPDATE ON sessions
        FOR EACH ROW EXECUTE FUNCTION trainer_live_rows();
    CREATE TRIGGER flags_live AFTER INSERT OR UPDATE ON flags
        FOR EACH ROW EXECUTE FUNCTION trainer_live_rows();
    CREATE TRIGGER revotes_live AFTER INSERT OR UPDATE ON revotes
        FOR EACH ROW EXECUTE FUNCTION trainer_live_rows();
    CREATE TRIGGER hands_live AFTER INSERT OR UPDATE ON revote_hands
        FOR EACH ROW EXECUTE FUNCTION trainer_live_rows();
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)
