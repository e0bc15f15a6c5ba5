/// Feedback tallies kept by triggers, so a semester's summary reads a few hundred counters instead
/// of a million rows. Triggers keep them right on every path that changes feedback, including
/// deletions cascading from groups, applicants or semesters.
enum SchemaVersion2 {
    /// The per-group figures recomputed from a group's own feedback rows (a handful, by index).
    private static func groupTally(_ row: String) -> String {
        """
        DELETE FROM feedback_group_tallies WHERE group_id = \(row).group_id;
        INSERT INTO feedback_group_tallies (group_id, semester_id, answers, rating_sum, mentor_rating, lowest_mentee, highest_mentee)
        SELECT f.group_id, f.semester_id, count(*), sum(f.rating),
               max(CASE WHEN f.role = 'mentor' THEN f.rating END),
               min(CASE WHEN f.role = 'mentee' THEN f.rating END), max(CASE WHEN f.role = 'mentee' THEN f.rating END)
        FROM feedback f JOIN match_groups g ON g.id = f.group_id
        WHERE f.group_id = \(row).group_id GROUP BY f.group_id;
        """
    }

    private static let count = """
        INSERT INTO feedback_tallies (semester_id, role, rating, answers) VALUES (NEW.semester_id, NEW.role, NEW.rating, 1)
            ON CONFLICT (semester_id, role, rating) DO UPDATE SET answers = answers + 1;
        INSERT INTO feedback_tag_counts (semester_id, tag, uses)
            SELECT NEW.semester_id, value, 1 FROM json_each(NEW.tags) WHERE true
            ON CONFLICT (semester_id, tag) DO UPDATE SET uses = uses + 1;
        """

    private static let uncount = """
        UPDATE feedback_tallies SET answers = answers - 1
            WHERE semester_id = OLD.semester_id AND role = OLD.role AND rating = OLD.rating;
        UPDATE feedback_tag_counts SET uses = uses - 1
            WHERE semester_id = OLD.semester_id AND tag IN (SELECT value FROM json_each(OLD.tags));
        """

    static let sql = """
    CREATE TABLE feedback_tallies (
        semester_id INTEGER NOT NULL REFERENCES semesters(id) ON DELETE CASCADE,
        role TEXT NOT NULL,
        rating INTEGER NOT NULL,
        answers INTEGER NOT NULL,
        PRIMARY KEY (semester_id, role, rating)
    ) WITHOUT ROWID;

    CREATE TABLE feedback_tag_counts (
        semester_id INTEGER NOT NULL REFERENCES semesters(id) ON DELETE CASCADE,
        tag TEXT NOT NULL,
        uses INTEGER NOT NULL,
        PRIMARY KEY (semester_id, tag)
    ) WITHOUT ROWID;
    CREATE INDEX feedback_tags_by_use ON feedback_tag_counts(semester_id, uses DESC, tag);

    -- No foreign key on group_id: a group's deletion cascades to its feedback, whose triggers run
    -- after the group is gone and so find nothing to re-insert.
    CREATE TABLE feedback_group_tallies (
        group_id INTEGER PRIMARY KEY,
        semester_id INTEGER NOT NULL,
        answers INTEGER NOT NULL,
        rating_sum INTEGER NOT NULL,
        mentor_rating INTEGER,
        lowest_mentee INTEGER,
        highest_mentee INTEGER
    );
    CREATE INDEX feedback_group_tallies_by_semester ON feedback_group_tallies(semester_id);

    CREATE TRIGGER feedback_inserted AFTER INSERT ON feedback BEGIN
        \(count)
        \(groupTally("NEW"))
    END;

    CREATE TRIGGER feedback_deleted AFTER DELETE ON feedback BEGIN
        \(uncount)
        \(groupTally("OLD"))
    END;

    CREATE TRIGGER feedback_updated AFTER UPDATE ON feedback BEGIN
        \(uncount)
        \(count)
        \(groupTally("OLD"))
        \(groupTally("NEW"))
    END;

    -- Existing feedback, counted once.
    INSERT INTO feedback_tallies (semester_id, role, rating, answers)
        SELECT semester_id, role, rating, count(*) FROM feedback GROUP BY semester_id, role, rating;
    INSERT INTO feedback_tag_counts (semester_id, tag, uses)
        SELECT feedback.semester_id, tag.value, count(*) FROM feedback, json_each(feedback.tags) AS tag
        GROUP BY feedback.semester_id, tag.value;
    INSERT INTO feedback_group_tallies (group_id, semester_id, answers, rating_sum, mentor_rating, lowest_mentee, highest_mentee)
        SELECT f.group_id, f.semester_id, count(*), sum(f.rating),
               max(CASE WHEN f.role = 'mentor' THEN f.rating END),
               min(CASE WHEN f.role = 'mentee' THEN f.rating END), max(CASE WHEN f.role = 'mentee' THEN f.rating END)
        FROM feedback f GROUP BY f.group_id;
    """
}
