/// Each organization chooses the embedder its matching jobs use; `auto` takes the semantic model
/// when it is installed on the machine and the built-in one otherwise.
enum SchemaVersion3 {
    static let sql = """
        ALTER TABLE organizations ADD COLUMN embedder TEXT NOT NULL DEFAULT 'auto'
            CHECK (embedder IN ('auto', 'builtin', 'minilm'));
        """
}
