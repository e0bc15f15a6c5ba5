import Foundation

/// Every refusal the product's rules can produce, each with words a coordinator understands.
/// Storage failures are not here: they come from the store as its own error type.
public enum DomainError: Error, Sendable, Hashable, CustomStringConvertible {
    case notFound(kind: String, reference: String)
    case notPermitted(role: Role, permission: Permission)
    case accountDisabled(email: String)

    case semesterNameEmpty
    case semesterNameTooLong(length: Int, limit: Int)
    case semesterNameTaken(name: String)
    case semesterNameHasControlCharacters
    case invalidPage(String)
    case semesterEndNotAfterStart(start: CalendarDate, end: CalendarDate)
    case quotaTooSmall(what: String, value: Int)
    case quotaBelowRegistered(what: String, quota: Int, registered: Int)
    case menteesPerMentorOutOfRange(value: Int, range: ClosedRange<Int>)
    case minimumScoreOutOfRange(value: Double)
    case illegalStatusChange(from: SemesterStatus, to: SemesterStatus)
    case semesterClosed(name: String)
    case semesterHasNoGroups(name: String)
    case nothingToChange

    case notInitialized
    case alreadyInitialized
    case invalidCredentials
    case accountLocked(minutesRemaining: Int)
    case passwordTooShort(minimum: Int)
    case passwordTooLong(maximum: Int)
    case invalidEmail(String)
    case emailTaken(String)
    case displayNameInvalid(String)
    case lastActiveAdmin(email: String)
    case cannotDisableSelf
    case organizationNameInvalid(String)
    case organizationNameTaken(String)
    case operatorOnly
    case quotaExceeded(QuotaUsage)
    case quotaLimitInvalid(name: String, value: Int)

    case invalidFile(String)
    case invalidRating(String)
    case notInAnyGroup(email: String)
    case noMatchesYet(semester: String)
    case tooManyTags(count: Int, limit: Int)
    case emptyTag(String)
    case tagTooLong(tag: String, limit: Int)
    case commentTooLong(length: Int, limit: Int)
    case jobAlreadyActive(jobID: Int64)
    case jobAlreadyFinished(jobID: Int64, status: JobStatus)
    case semesterNotMatchable(name: String, status: SemesterStatus)
    case importRefused(ImportReport)
    case semesterNotAcceptingApplicants(name: String, status: SemesterStatus)
    case applicantQuotaExceeded(role: ApplicantRole, resulting: Int, quota: Int)

    public var description: String {
        switch self {
        case let .notFound(kind, reference):
            return "\(kind) \(reference) not found"
        case let .notPermitted(role, permission):
            return "not permitted: your role (\(role.rawValue)) may not \(permission.description)"
        case let .accountDisabled(email):
            return "the account \(email) is disabled"
        case .semesterNameEmpty:
            return "semester name must not be empty"
        case let .semesterNameTooLong(length, limit):
            return "semester name is \(length) characters long; the limit is \(limit)"
        case let .semesterNameTaken(name):
            return "a semester named \"\(name)\" already exists in this organization"
        case .semesterNameHasControlCharacters:
            return "semester name must not contain control characters such as tabs or line breaks"
        case let .invalidPage(reason):
            return "invalid page: \(reason)"
        case let .semesterEndNotAfterStart(start, end):
            return "end date \(end) must be after start date \(start)"
        case let .quotaTooSmall(what, value):
            return "\(what) quota must be at least 1 (got \(value))"
        case let .quotaBelowRegistered(what, quota, registered):
            return "\(what) quota \(quota) is below the \(registered) \(what)s already registered"
        case let .menteesPerMentorOutOfRange(value, range):
            return "mentees per mentor must be between \(range.lowerBound) and \(range.upperBound) (got \(value))"
        case let .minimumScoreOutOfRange(value):
            return "minimum score must be between 0 and 1 (got \(value))"
        case let .illegalStatusChange(from, to):
            let allowed = from.allowedNextStatuses.map(\.rawValue).joined(separator: ", ")
            return "a \(from.rawValue) semester cannot become \(to.rawValue)"
                + (allowed.isEmpty ? " (\(from.rawValue) is final)" : " (allowed: \(allowed))")
        case let .semesterClosed(name):
            return "semester \"\(name)\" is closed and can no longer be changed"
        case let .semesterHasNoGroups(name):
            return "semester \"\(name)\" has no match groups yet; run matching before marking it matched"
        case .nothingToChange:
            return "nothing to change: give at least one field to update"
        case .notInitialized:
            return "this database has no organization yet; run 'match-console init --org NAME --admin EMAIL' first"
        case .alreadyInitialized:
            return "this database is already set up; an operator admin can add organizations with 'match-console org create'"
        case .invalidCredentials:
            return "sign-in failed: unknown email or wrong password"
        case let .accountLocked(minutes):
            return "sign-in is locked after too many failed attempts; try again in \(minutes) minute\(minutes == 1 ? "" : "s")"
        case let .passwordTooShort(minimum):
            return "the password must be at least \(minimum) characters long"
        case let .passwordTooLong(maximum):
            return "the password must be at most \(maximum) characters long"
        case let .invalidEmail(text):
            return "\"\(text)\" is not an email address"
        case let .emailTaken(email):
            return "a staff account with the email \(email) already exists"
        case let .displayNameInvalid(reason):
            return "display name \(reason)"
        case let .lastActiveAdmin(email):
            return "\(email) is the organization's last active admin; make someone else an admin first"
        case .cannotDisableSelf:
            return "you cannot disable your own account"
        case let .organizationNameInvalid(reason):
            return "organization name \(reason)"
        case let .organizationNameTaken(name):
            return "an organization named \"\(name)\" already exists"
        case .operatorOnly:
            return "only admins of the operator organization may create or list organizations"
        case let .quotaExceeded(usage):
            var text = "quota reached: \(usage.name) are limited to \(usage.limit) \(usage.scope)"
            if let next = usage.nextFreeAt {
                text += "; the next one frees up at \(LocalTime.string(next))"
            } else {
                text += "; wait for one to finish"
            }
            return text
        case let .jobAlreadyActive(jobID):
            return "matching job #\(jobID) is already running for this semester; wait for it or cancel it"
        case let .jobAlreadyFinished(jobID, status):
            return "matching job #\(jobID) has already ended (\(status.rawValue))"
        case let .semesterNotMatchable(name, status):
            return "semester \"\(name)\" is \(status.rawValue); matching runs on draft or open semesters (re-open a matched one first)"
        case let .invalidRating(text):
            return "rating must be a whole number from 1 to 5 (got \"\(text)\")"
        case let .notInAnyGroup(email):
            return "\(email) is not the mentor or a mentee of any current group of this semester"
        case let .noMatchesYet(semester):
            return "semester \"\(semester)\" has no groups yet; feedback comes after matching"
        case let .tooManyTags(count, limit):
            return "\(count) tags given; at most \(limit) are kept per feedback"
        case let .emptyTag(list):
            return "empty tag in \"\(list)\"; separate tags with single commas or semicolons"
        case let .tagTooLong(tag, limit):
            return "tag \"\(tag.prefix(20))…\" is longer than \(limit) characters"
        case let .commentTooLong(length, limit):
            return "comment is \(length) characters long; the limit is \(limit)"
        case let .invalidFile(reason):
            return "cannot read the file: \(reason)"
        case let .importRefused(report):
            let count = report.problems.count
            return "nothing was imported: \(count) problem\(count == 1 ? "" : "s") in the file (use --skip-invalid to import the valid rows)"
        case let .semesterNotAcceptingApplicants(name, status):
            return "semester \"\(name)\" is \(status.rawValue); applicants can be changed only while it is draft or open"
        case let .applicantQuotaExceeded(role, resulting, quota):
            return "the import would bring the semester to \(resulting) \(role.rawValue)s, \(resulting - quota) over its quota of \(quota)"
        case let .quotaLimitInvalid(name, value):
            return "\(name) must be between 0 and 10000 (got \(value))"
        }
    }
}
