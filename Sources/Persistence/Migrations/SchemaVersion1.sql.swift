/// The whole product's tables. Times are UTC text (`UTCTimestamp`), calendar dates `YYYY-MM-DD`,
/// structured values (rules, configs, explanations, tags) JSON text.
enum SchemaVersion1 {
    static let sql = """
    CREATE TABLE organizations (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL COLLATE NOCASE UNIQUE,
        is_operator INTEGER NOT NULL DEFAULT 0 CHECK (is_operator IN (0, 1)),
        quota_uploads_per_day INTEGER NOT NULL DEFAULT 10 CHECK (quota_uploads_per_day >= 0),
        quota_jobs_per_day INTEGER NOT NULL DEFAULT 5 CHECK (quota_jobs_per_day >= 0),
        quota_concurrent_jobs INTEGER NOT NULL DEFAULT 5 CHECK (quota_concurrent_jobs >= 0),
        created_at TEXT NOT NULL
    );

    CREATE TABLE staff (
        id INTEGER PRIMARY KEY,
        organization_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        email TEXT NOT NULL COLLATE NOCASE UNIQUE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin', 'coordinator', 'viewer')),
        is_disabled INTEGER NOT NULL DEFAULT 0 CHECK (is_disabled IN (0, 1)),
        password_hash BLOB,
        password_salt BLOB,
        password_iterations INTEGER,
        created_at TEXT NOT NULL
    );
    CREATE INDEX staff_by_organization ON staff(organization_id);

    -- Failed sign-ins per email, kept whether or not an account has that email, so that a lockout
    -- reveals nothing about which emails exist.
    CREATE TABLE sign_in_failures (
        email TEXT PRIMARY KEY COLLATE NOCASE,
        failures INTEGER NOT NULL,
        last_failure_at TEXT NOT NULL,
        locked_until TEXT
    );

    CREATE TABLE semesters (
        id INTEGER PRIMARY KEY,
        organization_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        name TEXT NOT NULL COLLATE NOCASE,
        start_date TEXT NOT NULL,
        end_date TEXT NOT NULL,
        mentor_quota INTEGER NOT NULL CHECK (mentor_quota >= 1),
        mentee_quota INTEGER NOT NULL CHECK (mentee_quota >= 1),
        default_mentees_per_mentor INTEGER NOT NULL CHECK (default_mentees_per_mentor BETWEEN 1 AND 20),
        rules TEXT NOT NULL DEFAULT '{}',
        status TEXT NOT NULL CHECK (status IN ('draft', 'open', 'matched', 'closed')),
        created_by INTEGER REFERENCES staff(id) ON DELETE SET NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (organization_id, name),
        CHECK (end_date > start_date)
    );
    CREATE INDEX semesters_by_organization ON semesters(organization_id, created_at DESC, id DESC);
    CREATE INDEX semesters_by_status ON semesters(organization_id, status, created_at DESC, id DESC);

    CREATE TABLE applicants (
        id INTEGER PRIMARY KEY,
        semester_id INTEGER NOT NULL REFERENCES semesters(id) ON DELETE CASCADE,
        email TEXT NOT NULL COLLATE NOCASE,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('mentor', 'mentee')),
        field TEXT NOT NULL DEFAULT '',
        seniority REAL,
        interests TEXT NOT NULL DEFAULT '',
        goals TEXT NOT NULL DEFAULT '',
        bio TEXT NOT NULL DEFAULT '',
        availability TEXT NOT NULL DEFAULT '',
        languages TEXT NOT NULL DEFAULT '',
        timezone TEXT NOT NULL DEFAULT '',
        capacity INTEGER CHECK (capacity IS NULL OR capacity BETWEEN 1 AND 20),
        department TEXT NOT NULL DEFAULT '',
        extra TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (semester_id, email)
    );


    CREATE TABLE matching_jobs (
        id INTEGER PRIMARY KEY,
        organization_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        semester_id INTEGER NOT NULL REFERENCES semesters(id) ON DELETE CASCADE,
        status TEXT NOT NULL CHECK (status IN ('pending', 'preprocessing', 'embedding', 'training',
                                               'matching', 'completed', 'failed', 'cancelled')),
        progress_step TEXT NOT NULL DEFAULT 'pending',
        progress_completed_steps INTEGER NOT NULL DEFAULT 0,
        progress_done INTEGER NOT NULL DEFAULT 0,
        progress_total INTEGER NOT NULL DEFAULT 0,
        progress_message TEXT NOT NULL DEFAULT '',
        config TEXT NOT NULL DEFAULT '{}',
        summary TEXT,
        embedder TEXT,
        model TEXT,
        error_message TEXT,
        failed_step TEXT,
        triggered_by INTEGER REFERENCES staff(id) ON DELETE SET NULL,
        correlation_id TEXT,
        runner_pid INTEGER,
        cancel_requested INTEGER NOT NULL DEFAULT 0 CHECK (cancel_requested IN (0, 1)),
        created_at TEXT NOT NULL,
        started_at TEXT,
        completed_at TEXT
    );
    CREATE INDEX jobs_by_semester ON matching_jobs(semester_id, created_at DESC, id DESC);
    CREATE INDEX jobs_by_status ON matching_jobs(organization_id, status);
    CREATE INDEX jobs_by_trigger ON matching_jobs(triggered_by, created_at);

    -- Groups belong to the job that made them; a semester's current groups are those of its latest
    -- completed job, so a new result replaces the old one atomically and older feedback keeps its group.
    CREATE TABLE match_groups (
        id INTEGER PRIMARY KEY,
        semester_id INTEGER NOT NULL REFERENCES semesters(id) ON DELETE CASCADE,
        job_id INTEGER NOT NULL REFERENCES matching_jobs(id) ON DELETE CASCADE,
        mentor_id INTEGER NOT NULL REFERENCES applicants(id) ON DELETE CASCADE,
        score REAL NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (job_id, mentor_id)
    );
    CREATE INDEX groups_by_semester ON match_groups(semester_id, job_id);
    CREATE INDEX groups_by_mentor ON match_groups(mentor_id);

    CREATE TABLE match_members (
        group_id INTEGER NOT NULL REFERENCES match_groups(id) ON DELETE CASCADE,
        job_id INTEGER NOT NULL REFERENCES matching_jobs(id) ON DELETE CASCADE,
        mentee_id INTEGER NOT NULL REFERENCES applicants(id) ON DELETE CASCADE,
        score REAL NOT NULL,
        explanation TEXT NOT NULL DEFAULT '[]',
        features TEXT NOT NULL DEFAULT '{}',
        PRIMARY KEY (group_id, mentee_id),
        UNIQUE (job_id, mentee_id)
    );
    CREATE INDEX members_by_mentee ON match_members(mentee_id);

    -- Staff decisions the engine must respect: a locked pair is always made, a forbidden one never.
    CREATE TABLE pair_rules (
        semester_id INTEGER NOT NULL REFERENCES semesters(id) ON DELETE CASCADE,
        mentor_id INTEGER NOT NULL REFERENCES applicants(id) ON DELETE CASCADE,
        mentee_id INTEGER NOT NULL REFERENCES applicants(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('lock', 'forbid')),
        created_by INTEGER REFERENCES staff(id) ON DELETE SET NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (semester_id, mentor_id, mentee_id)
    );
    CREATE INDEX pair_rules_by_mentee ON pair_rules(mentee_id);

    CREATE TABLE feedback (
        id INTEGER PRIMARY KEY,
        semester_id INTEGER NOT NULL REFERENCES semesters(id) ON DELETE CASCADE,
        group_id INTEGER NOT NULL REFERENCES match_groups(id) ON DELETE CASCADE,
        submitter_email TEXT NOT NULL COLLATE NOCASE,
        role TEXT NOT NULL CHECK (role IN ('mentor', 'mentee')),
        rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
        tags TEXT NOT NULL DEFAULT '[]',
        comment TEXT NOT NULL DEFAULT '',
        submitted_at TEXT NOT NULL,
        UNIQUE (semester_id, submitter_email)
    );
    CREATE INDEX feedback_by_group ON feedback(group_id, role, rating);
    CREATE INDEX feedback_by_semester ON feedback(semester_id, rating);

    CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        organization_id INTEGER REFERENCES organizations(id) ON DELETE CASCADE,
        staff_id INTEGER REFERENCES staff(id) ON DELETE SET NULL,
        staff_email TEXT,
        action TEXT NOT NULL,
        target_type TEXT,
        target_id TEXT,
        details TEXT NOT NULL DEFAULT '{}',
        correlation_id TEXT,
        created_at TEXT NOT NULL
    );
    CREATE INDEX audit_by_time ON audit_log(organization_id, created_at);

    -- One row per counted action, so rolling-day quotas survive restarts.
    CREATE TABLE quota_events (
        id INTEGER PRIMARY KEY,
        organization_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        staff_id INTEGER NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('upload', 'matching_job')),
        created_at TEXT NOT NULL
    );
    CREATE INDEX quota_events_by_staff ON quota_events(staff_id, kind, created_at);

    CREATE TABLE embeddings (
        embedder TEXT NOT NULL,
        text_hash BLOB NOT NULL,
        dimension INTEGER NOT NULL,
        vector BLOB NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (embedder, text_hash)
    ) WITHOUT ROWID;
    """
}
