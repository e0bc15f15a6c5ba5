/// One page of a longer list, with where it starts and how long the whole list is.
public struct Page<Item> {
    public var items: [Item]
    public var skip: Int
    public var total: Int

    public init(items: [Item], skip: Int, total: Int) {
        self.items = items
        self.skip = skip
        self.total = total
    }
}

extension Page: Sendable where Item: Sendable {}
extension Page: Equatable where Item: Equatable {}
