#!/usr/bin/env python3
"""Writes the demo applicant files. Deterministic: the same seed gives the same files.

The files imitate what staff really receive: mentors from a shared spreadsheet, mentees from a
Google Form export (with its Timestamp column and question-style headers), and one mentee file
with the mistakes people make, for trying the upload preview.
Run: python3 assets/demo/generate.py
"""
import csv
import os
import random
import unicodedata

random.seed(2026)
HERE = os.path.dirname(os.path.abspath(__file__))

FIELDS = {
    "Computer Science": ["machine learning", "distributed systems", "open source", "web development", "compilers",
                         "cybersecurity", "mobile apps", "AI ethics", "cloud infrastructure", "game development"],
    "Data Science": ["machine learning", "statistics", "data visualization", "causal inference", "NLP",
                     "A/B testing", "SQL", "deep learning", "forecasting", "MLOps"],
    "Mechanical Engineering": ["robotics", "CAD", "3D printing", "renewable energy", "automotive design",
                               "control systems", "manufacturing", "aerospace", "thermodynamics"],
    "Biology": ["genomics", "neuroscience", "ecology", "lab research", "bioinformatics", "marine biology",
                "immunology", "science communication"],
    "Economics": ["behavioral economics", "public policy", "development economics", "finance", "econometrics",
                  "international trade", "startups"],
    "Psychology": ["clinical psychology", "UX research", "neuroscience", "child development", "mental health",
                   "organizational psychology", "research methods"],
    "Design": ["UX research", "product design", "accessibility", "illustration", "typography", "design systems",
               "motion graphics", "service design"],
    "Marketing": ["brand strategy", "content marketing", "SEO", "social media", "product marketing",
                  "market research", "public speaking"],
    "Finance": ["investment banking", "personal finance", "fintech", "venture capital", "risk management",
                "accounting", "financial modeling"],
    "Public Health": ["epidemiology", "global health", "health policy", "nutrition", "biostatistics",
                      "community outreach", "mental health"],
    "Education": ["curriculum design", "edtech", "teaching", "literacy", "special education", "tutoring"],
    "Law": ["human rights", "intellectual property", "contract law", "public policy", "legal tech", "mediation"],
}
HOBBIES = ["hiking", "chess", "photography", "running", "cooking", "climbing", "music production", "volunteering",
           "reading sci-fi", "board games", "painting", "cycling", "yoga", "podcasts"]
GOALS = [
    "Land a summer internship in {field}",
    "Figure out whether grad school is right for me",
    "Get better at networking, I'm quite shy",
    "Build a portfolio strong enough for {field} roles",
    "Understand what a career in {field} actually looks like day to day",
    "Prepare for technical interviews",
    "Find a research lab to join next semester",
    "Switch from {other} into {field}",
    "Learn how to balance coursework with a part-time job",
    "Start my own project in {topic} and get feedback on it",
    "Improve my public speaking and presentation skills",
    "Get advice on applying to jobs abroad",
    "Publish my first paper on {topic}",
    "Grow my confidence in {topic}",
]
BIOS = [
    "{title} at {company}. {years} years in the field, mostly {topic}.",
    "I lead a team working on {topic} at {company}. Happy to talk careers, {hobby} and everything in between.",
    "{title} ({company}). Former {other} person who moved into {field}; I enjoy helping others make the jump.",
    "Over {years} years in {field}, now focused on {topic}. I mentor because someone once did it for me.",
    "{title} at {company}, part-time lecturer. Ask me about {topic} or {topic2}.",
]
TITLES = ["Senior engineer", "Research scientist", "Product manager", "Principal consultant", "Staff data scientist",
          "Design lead", "Director of operations", "Associate professor", "Policy analyst", "Founder"]
COMPANIES = ["Northwind Labs", "Contoso Health", "Fabrikam", "Tailspin Toys", "Litware", "Adventure Works",
             "Wide World Importers", "Proseware", "Woodgrove Bank", "the city council", "a small nonprofit"]
AVAILABILITY = ["Mon evenings, Wed evenings", "weekends", "Tue/Thu mornings", "Flexible", "Weekday lunchtimes",
                "Friday afternoons", "Mon, Tue, Wed after 6pm", "Saturday mornings; Sunday afternoons"]
LANGUAGE_EXTRAS = ["Spanish", "Mandarin", "French", "Hindi", "Arabic", "Portuguese", "German", "Korean", "Swahili"]
TIMEZONES = ["America/New_York", "America/Chicago", "America/Los_Angeles", "Europe/London", "Europe/Berlin",
             "Asia/Kolkata", "Asia/Singapore"]
FIRST = ["Ada", "Grace", "Alan", "Katherine", "Linus", "Margaret", "Tim", "Barbara", "Dennis", "Frances", "Guido",
         "Hedy", "Ken", "Radia", "Shafi", "Sophie", "Yukihiro", "Anita", "Bjarne", "Carol", "Donald", "Elena",
         "Fatima", "Gabriel", "Hiro", "Ingrid", "Jamal", "Keiko", "Luis", "Maya", "Nikolai", "Olu", "Priya",
         "Quentin", "Rosa", "Sanjay", "Tomás", "Uma", "Viktor", "Wen", "Ximena", "Yara", "Zoë", "Amara", "Björn",
         "Chloé", "Dmitri", "Eun-ji", "Farid", "Giulia", "Hannah", "Iñaki", "Jun", "Kwame", "Leila", "Mateo"]
LAST = ["Lovelace", "Hopper", "Turing", "Johnson", "Torvalds", "Hamilton", "Berners-Lee", "Liskov", "Ritchie",
        "Allen", "van Rossum", "Lamarr", "Thompson", "Perlman", "Goldwasser", "Wilson", "Matsumoto", "Borg",
        "Stroustrup", "Shaw", "Knuth", "García", "Okafor", "Nakamura", "Sørensen", "Haddad", "Kowalski", "Nguyen",
        "Mensah", "Rossi", "Müller", "Ivanova", "Patel", "O'Brien", "Dubois", "Kim", "Fernández", "Abebe", "Larsen"]
MENTEE_DEPARTMENTS = ["School of Engineering", "Faculty of Arts", "Business School", "School of Medicine",
                      "Faculty of Science", "School of Law", "School of Education"]


def pick_interests(field, count):
    topics = random.sample(FIELDS[field], min(count, len(FIELDS[field])))
    if random.random() < 0.5:
        topics.append(random.choice(HOBBIES))
    separator = random.choice([", ", "; ", ", ", " / "])
    text = separator.join(topics)
    if random.random() < 0.2:
        text = "I'm really into " + text
    return text


def languages():
    spoken = ["English"]
    if random.random() < 0.45:
        spoken += random.sample(LANGUAGE_EXTRAS, random.choice([1, 1, 2]))
    return random.choice([", ", "; ", " and "]).join(spoken)


def person(used):
    while True:
        first, last = random.choice(FIRST), random.choice(LAST)
        email = (first + "." + last).lower().replace(" ", "").replace("'", "")
        email = email.replace("ø", "o").replace("æ", "ae").replace("ß", "ss")
        email = unicodedata.normalize("NFKD", email).encode("ascii", "ignore").decode() + "@example.org"
        if email not in used:
            used.add(email)
            return first, last, email


def mentors(used):
    rows = []
    for _ in range(40):
        first, last, email = person(used)
        field = random.choice(list(FIELDS))
        topics = random.sample(FIELDS[field], 2)
        other = random.choice([f for f in FIELDS if f != field])
        years = random.randint(3, 25)
        bio = random.choice(BIOS).format(title=random.choice(TITLES), company=random.choice(COMPANIES), years=years,
                                         topic=topics[0], topic2=topics[1], hobby=random.choice(HOBBIES),
                                         field=field, other=other)
        rows.append({
            "Email Address": email if random.random() > 0.1 else email.capitalize(),
            "Full Name": f"{first} {last}",
            "Role": random.choice(["Mentor", "mentor", "MENTOR"]),
            "Profession": field,
            "Years of Experience": str(years),
            "Interests": pick_interests(field, random.randint(2, 4)),
            "Bio": bio,
            "Availability": random.choice(AVAILABILITY),
            "Languages": languages(),
            "Time Zone": random.choice(TIMEZONES),
            "Max Mentees": random.choice(["2", "3", "3", "4", "5", ""]),
            "Department": random.choice(COMPANIES),
        })
    return rows


def mentees(used, count):
    rows = []
    for index in range(count):
        first, last, email = person(used)
        field = random.choice(list(FIELDS))
        other = random.choice([f for f in FIELDS if f != field])
        goal = random.choice(GOALS).format(field=field, other=other, topic=random.choice(FIELDS[field]))
        if random.random() < 0.3:
            goal += ". " + random.choice(GOALS).format(field=field, other=other, topic=random.choice(FIELDS[field]))
        rows.append({
            "Timestamp": f"2026/08/{random.randint(1, 28):02d} {random.randint(8, 22)}:{random.randint(0, 59):02d}:{random.randint(0, 59):02d}",
            "Email Address": email,
            "First Name": first,
            "Last Name": last,
            "Applying as": "Mentee",
            "Major": field,
            "Year": str(random.randint(1, 5)),
            "Areas of interest": pick_interests(field, random.randint(1, 3)),
            "What are your goals for this program?": goal,
            "Availability": random.choice(AVAILABILITY),
            "Languages": languages(),
            "Time zone": random.choice(TIMEZONES),
            "Department": random.choice(MENTEE_DEPARTMENTS),
        })
    return rows


def write(name, rows, **options):
    with open(os.path.join(HERE, name), "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), **options)
        writer.writeheader()
        writer.writerows(rows)


def main():
    used = set()
    write("mentors.csv", mentors(used))
    # Google Forms writes CRLF line ends.
    write("mentees.csv", mentees(used, 120), lineterminator="\r\n")
    broken = mentees(used, 12)
    broken[2]["Email Address"] = "bob@"
    broken[4]["Applying as"] = "Coach"
    broken[6]["First Name"] = ""
    broken[6]["Last Name"] = ""
    broken[8]["Email Address"] = broken[1]["Email Address"]
    broken[10]["Year"] = "second"
    write("mentees-with-errors.csv", broken, lineterminator="\r\n")
    # Last semester's participants, for the demo's past semester with feedback. Generated after
    # the files above so that adding them left those unchanged.
    write("past-mentors.csv", mentors(used))
    write("past-mentees.csv", mentees(used, 120), lineterminator="\r\n")


if __name__ == "__main__":
    main()
