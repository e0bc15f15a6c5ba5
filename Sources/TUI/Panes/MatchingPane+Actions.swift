import Domain
import Foundation

extension MatchingPane {
    public func perform(_ action: String) -> PaneOutcome {
        guard let semester = session.currentSemester else { return .ignored }
        switch action {
        case "run": return .dialog(runDialog(semester))
        case "cancel": return cancelDialog()
        case "view":
            cycleView()
            return .status("Showing \(view.rawValue.lowercased()).")
        case "lock": return pairRule(.lock, semester)
        case "forbid": return pairRule(.forbid, semester)
        default: return .ignored
        }
    }

    /// The semester's rules, changeable for this run, then a confirmation saying what will happen.
    private func runDialog(_ semester: Semester) -> FormDialog {
        let session = self.session
        return FormDialog(title: "Run matching for \(semester.name)", fields: RuleFields.fields(semester.rules),
                          glyphs: session.glyphs) { [weak self] values in
            let rules = RuleFields.rules(values[...])
            let stats = try session.semesters.stats(semester.id, by: session.actor)
            let pairs = try session.matching.pairRules(semesterID: semester.id, by: session.actor)
            let locked = pairs.filter { $0.kind == .lock }.count, forbidden = pairs.count - locked
            return .dialog(ChoiceDialog.confirm("Start matching?", [
                "\(stats.mentors) mentors (capacity \(stats.mentorCapacity)) and \(stats.mentees) mentees.",
                "Rules: \(rules.summary).",
                "Pairs set by staff: \(locked) locked, \(forbidden) forbidden (l and x on a group's mentees).",
                "When it completes, its groups replace the current ones; if it fails or is cancelled, they stay.",
            ], confirm: "Start", destructive: false, glyphs: session.glyphs) {
                self?.start(semester, rules) ?? .ignored
            })
        }
    }

    private func start(_ semester: Semester, _ rules: MatchingRules) -> PaneOutcome {
        let job: MatchingJob
        do {
            job = try session.matching.start(semesterID: semester.id, rules: rules, by: session.actor)
        } catch {
            return .status("Matching not started: \(error)")
        }
        do {
            adopt(try session.startJob(job, inbox), job: job)
        } catch {
            // The job could not run here (e.g. the chosen model is missing); `startJob` ended it, saying why.
            return .changed("Matching job #\(job.id) could not start: \(error)")
        }
        return .changed("Started matching job #\(job.id). c cancels it; the panes stay usable meanwhile.")
    }

    private func cancelDialog() -> PaneOutcome {
        guard let job = activeJob else { return .ignored }
        let session = self.session
        return .dialog(ChoiceDialog.confirm("Cancel job #\(job.id)?", [
            "The job stops at its next check and ends as cancelled.",
            "The semester keeps its current groups.",
        ], confirm: "Cancel the job", destructive: true, glyphs: session.glyphs) { [weak self] in
            self?.localRunner(for: job.id)?.cancel()
            do {
                _ = try session.matching.cancel(jobID: job.id, by: session.actor)
                return .status("Asked job #\(job.id) to stop.")
            } catch {
                return .status("Could not cancel job #\(job.id): \(error)")
            }
        })
    }

    private func pairRule(_ kind: PairRule.Kind, _ semester: Semester) -> PaneOutcome {
        guard let group = openGroup, let row = memberTable.selectedRow,
              let mentor = people[group.mentorID], let mentee = people[row.id] else { return .status("Select a mentee of the group first.") }
        do {
            try session.matching.setPairRule(semesterID: semester.id, mentorEmail: mentor.email, menteeEmail: mentee.email,
                                             kind: kind, by: session.actor)
        } catch {
            return .status("Could not \(kind.rawValue) the pair: \(error)")
        }
        let verb = kind == .lock ? "Locked" : "Forbade"
        return .status("\(verb) \(mentor.name) – \(mentee.name) for the next run. Press r to re-run matching.")
    }
}
