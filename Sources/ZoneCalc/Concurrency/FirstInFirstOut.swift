/// A queue taken from in the order it was filled, without moving what is left on every take: the taken
/// part is dropped once it is more than half of the storage.
struct FirstInFirstOut<Element> {
    private var items: [Element] = []
    private var head = 0

    /// The items waiting.
    var count: Int { items.count - head }

    mutating func append(_ item: Element) { items.append(item) }

    /// The oldest item waiting, removed; nil when none waits.
    mutating func removeFirst() -> Element? {
        guard head < items.count else { return nil }
        let item = items[head]
        head += 1
        if head > 16, head * 2 > items.count {
            items.removeFirst(head)
            head = 0
        }
        return item
    }
}
