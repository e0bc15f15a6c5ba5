extension Int {
    /// Decimal digits left-padded with zeros to `width` (dates and times).
    func zeroPadded(_ width: Int) -> String {
        let digits = String(self)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
