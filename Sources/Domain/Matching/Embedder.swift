/// Turns texts into fixed-length unit vectors whose dot products measure similarity. The name is
/// recorded with every job, so results say what produced them.
public protocol Embedder: Sendable {
    var name: String { get }
    var dimension: Int { get }
    /// True when a text's vector depends on that text alone, never on the others embedded with
    /// it; only such vectors may be cached and reused by a later run.
    var isContextFree: Bool { get }
    /// One vector per text, concatenated: `texts.count × dimension` floats. Fitting statistics
    /// (such as IDF weights) come from `texts` themselves.
    func embed(_ texts: [String], isCancelled: () -> Bool, progress: (Int, Int) -> Void) throws -> [Float]
}
