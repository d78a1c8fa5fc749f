"""Fixed vocabularies: the real TMDB category lists, and the building blocks of invented words.

Genres, countries, languages, statuses and crew jobs are the real TMDB vocabularies (they are
categories, not titles or people), with weights that roughly follow The Movies Dataset. Everything
that names a film, a person, a company or a collection is built elsewhere from the invented
syllables below, so it cannot be mistaken for a real one.

Every table is a tuple (never a set or a dict iterated for order), so draws are reproducible.
"""

# (id, name, weight): weights are the genre frequencies of the full dataset.
GENRES: tuple[tuple[int, str, int], ...] = (
    (18, "Drama", 20265),
    (35, "Comedy", 13182),
    (53, "Thriller", 7624),
    (10749, "Romance", 6735),
    (28, "Action", 6596),
    (27, "Horror", 4673),
    (80, "Crime", 4307),
    (99, "Documentary", 3932),
    (12, "Adventure", 3496),
    (878, "Science Fiction", 3049),
    (10751, "Family", 2770),
    (9648, "Mystery", 2467),
    (14, "Fantasy", 2313),
    (16, "Animation", 1935),
    (10769, "Foreign", 1622),
    (10402, "Music", 1598),
    (36, "History", 1398),
    (10752, "War", 1323),
    (37, "Western", 1042),
    (10770, "TV Movie", 767),
)

# Number of genres per film (0 = the empty list "[]").
GENRE_COUNTS: tuple[tuple[int, int], ...] = (
    (0, 54), (1, 330), (2, 320), (3, 200), (4, 70), (5, 20), (6, 5), (7, 1),
)  # fmt: skip

# ISO 3166-1 code -> TMDB country name.
COUNTRY_NAMES: tuple[tuple[str, str], ...] = (
    ("US", "United States of America"),
    ("GB", "United Kingdom"),
    ("FR", "France"),
    ("DE", "Germany"),
    ("IT", "Italy"),
    ("CA", "Canada"),
    ("JP", "Japan"),
    ("ES", "Spain"),
    ("RU", "Russia"),
    ("IN", "India"),
    ("HK", "Hong Kong"),
    ("SE", "Sweden"),
    ("AU", "Australia"),
    ("KR", "South Korea"),
    ("BE", "Belgium"),
    ("DK", "Denmark"),
    ("FI", "Finland"),
    ("CN", "China"),
    ("NL", "Netherlands"),
    ("BR", "Brazil"),
    ("MX", "Mexico"),
    ("AR", "Argentina"),
    ("PL", "Poland"),
    ("AT", "Austria"),
    ("CH", "Switzerland"),
    ("IE", "Ireland"),
    ("NO", "Norway"),
    ("CZ", "Czech Republic"),
    ("TR", "Turkey"),
    ("HU", "Hungary"),
    ("IR", "Iran"),
    ("GR", "Greece"),
    ("TW", "Taiwan"),
    ("PT", "Portugal"),
    ("IL", "Israel"),
    ("NZ", "New Zealand"),
    ("RO", "Romania"),
    ("TH", "Thailand"),
    ("SU", "Soviet Union"),
    ("ZA", "South Africa"),
    ("EG", "Egypt"),
    ("IS", "Iceland"),
    ("LU", "Luxembourg"),
    ("CL", "Chile"),
    ("CO", "Colombia"),
    ("CU", "Cuba"),
    ("RS", "Serbia"),
    ("HR", "Croatia"),
    ("PH", "Philippines"),
    ("LB", "Lebanon"),
)

# Extra co-production countries, drawn by weight.
COPRODUCTION_COUNTRIES: tuple[tuple[str, int], ...] = (
    ("US", 40), ("GB", 30), ("FR", 30), ("DE", 22), ("IT", 12), ("CA", 14), ("ES", 7), ("BE", 8),
    ("JP", 5), ("CH", 5), ("AT", 4), ("NL", 5), ("SE", 4), ("DK", 4), ("IE", 4), ("AU", 4),
    ("HK", 3), ("CN", 3), ("LU", 3), ("NO", 3), ("CZ", 2), ("PL", 2), ("HU", 2), ("MX", 2),
    ("RU", 2), ("IN", 1), ("ZA", 1), ("AR", 1), ("PT", 1), ("NZ", 1), ("IS", 1), ("RO", 1),
)  # fmt: skip

# (code, native name as TMDB spells it, including the empty names TMDB has for a few codes).
LANGUAGE_NAMES: tuple[tuple[str, str], ...] = (
    ("en", "English"),
    ("fr", "Français"),
    ("it", "Italiano"),
    ("ja", "日本語"),
    ("de", "Deutsch"),
    ("es", "Español"),
    ("ru", "Pусский"),
    ("hi", "हिन्दी"),
    ("ko", "한국어/조선말"),
    ("zh", "普通话"),
    ("sv", "svenska"),
    ("pt", "Português"),
    ("cn", "广州话 / 廣州話"),
    ("fi", "suomi"),
    ("nl", "Nederlands"),
    ("da", "Dansk"),
    ("pl", "Polski"),
    ("tr", "Türkçe"),
    ("cs", "Český"),
    ("el", "ελληνικά"),
    ("fa", "فارسی"),
    ("hu", "Magyar"),
    ("no", "Norsk"),
    ("th", "ภาษาไทย"),
    ("he", "עִבְרִית"),
    ("ro", "Română"),
    ("ar", "العربية"),
    ("ta", "தமிழ்"),
    ("te", "తెలుగు"),
    ("ml", ""),
    ("is", "Íslenska"),
    ("sr", "Srpski"),
    ("la", "Latin"),
    ("yi", ""),
    ("sw", "Kiswahili"),
    ("xx", "No Language"),
    ("hr", "Hrvatski"),
    ("uk", "Український"),
    ("bg", "български език"),
    ("vi", "Tiếng Việt"),
    ("gd", ""),
    ("ga", "Gaeilge"),
)

# Original language of the film, by weight (the full dataset's counts, rounded).
ORIGINAL_LANGUAGES: tuple[tuple[str, int], ...] = (
    ("en", 32269), ("fr", 2438), ("it", 1529), ("ja", 1350), ("de", 1080), ("es", 994),
    ("ru", 826), ("hi", 508), ("ko", 444), ("zh", 409), ("sv", 384), ("pt", 316), ("cn", 313),
    ("fi", 297), ("nl", 248), ("da", 225), ("pl", 219), ("tr", 150), ("cs", 130), ("el", 113),
    ("no", 107), ("fa", 101), ("hu", 100), ("th", 76), ("ta", 66), ("he", 60), ("ro", 57),
    ("te", 45), ("ar", 39), ("ml", 36), ("is", 25), ("sr", 24), ("xx", 20), ("hr", 14),
    ("uk", 10), ("bg", 10), ("vi", 9),
)  # fmt: skip

# Extra spoken languages, drawn by weight.
EXTRA_SPOKEN_LANGUAGES: tuple[tuple[str, int], ...] = (
    ("en", 30), ("fr", 20), ("es", 16), ("de", 14), ("it", 12), ("ru", 8), ("ja", 4), ("zh", 4),
    ("la", 3), ("ar", 3), ("pt", 2), ("hu", 2), ("yi", 1), ("gd", 1), ("sw", 1), ("he", 1),
    ("ko", 1), ("pl", 1), ("cs", 1), ("el", 1), ("vi", 1), ("ga", 1), ("xx", 1),
)  # fmt: skip

# Main production country of a film in each original language (code, weight).
LANGUAGE_COUNTRIES: tuple[tuple[str, tuple[tuple[str, int], ...]], ...] = (
    ("en", (("US", 75), ("GB", 14), ("CA", 5), ("AU", 3), ("IE", 1), ("NZ", 1), ("ZA", 1))),
    ("fr", (("FR", 85), ("BE", 6), ("CA", 6), ("CH", 3))),
    ("it", (("IT", 100),)),
    ("ja", (("JP", 100),)),
    ("de", (("DE", 82), ("AT", 10), ("CH", 8))),
    ("es", (("ES", 50), ("MX", 20), ("AR", 20), ("CL", 4), ("CO", 4), ("CU", 2))),
    ("ru", (("RU", 70), ("SU", 30))),
    ("hi", (("IN", 100),)),
    ("ko", (("KR", 100),)),
    ("zh", (("CN", 60), ("TW", 25), ("HK", 15))),
    ("sv", (("SE", 100),)),
    ("pt", (("BR", 70), ("PT", 30))),
    ("cn", (("HK", 100),)),
    ("fi", (("FI", 100),)),
    ("nl", (("NL", 75), ("BE", 25))),
    ("da", (("DK", 100),)),
    ("pl", (("PL", 100),)),
    ("tr", (("TR", 100),)),
    ("cs", (("CZ", 100),)),
    ("el", (("GR", 100),)),
    ("no", (("NO", 100),)),
    ("fa", (("IR", 100),)),
    ("hu", (("HU", 100),)),
    ("th", (("TH", 100),)),
    ("ta", (("IN", 100),)),
    ("he", (("IL", 100),)),
    ("ro", (("RO", 100),)),
    ("te", (("IN", 100),)),
    ("ar", (("EG", 70), ("LB", 30))),
    ("ml", (("IN", 100),)),
    ("is", (("IS", 100),)),
    ("sr", (("RS", 100),)),
    ("xx", (("US", 60), ("FR", 20), ("DE", 20))),
    ("hr", (("HR", 100),)),
    ("uk", (("RU", 50), ("SU", 50))),
    ("bg", (("RO", 100),)),
    ("vi", (("US", 50), ("FR", 50))),
)

# Release status of films that have a date; "" is an empty cell.
STATUSES: tuple[tuple[str, int], ...] = (
    ("Released", 45014),
    ("Rumored", 230),
    ("Post Production", 98),
    ("", 84),
    ("In Production", 20),
    ("Planned", 15),
    ("Canceled", 2),
)

# (department, job, weight): the real TMDB crew vocabulary, weighted like the credits sample.
CREW_JOBS: tuple[tuple[str, str, int], ...] = (
    ("Production", "Producer", 2272),
    ("Production", "Casting", 950),
    ("Production", "Executive Producer", 914),
    ("Production", "Associate Producer", 252),
    ("Production", "Co-Producer", 191),
    ("Production", "Location Manager", 169),
    ("Production", "Production Manager", 166),
    ("Production", "Unit Production Manager", 153),
    ("Production", "Production Coordinator", 107),
    ("Production", "Casting Associate", 88),
    ("Production", "Casting Director", 60),
    ("Production", "Production Supervisor", 85),
    ("Production", "Production Accountant", 67),
    ("Production", "Line Producer", 41),
    ("Production", "Executive In Charge Of Production", 32),
    ("Production", "Co-Executive Producer", 29),
    ("Production", "Publicist", 18),
    ("Writing", "Screenplay", 1763),
    ("Writing", "Novel", 295),
    ("Writing", "Story", 211),
    ("Writing", "Writer", 206),
    ("Writing", "Author", 191),
    ("Writing", "Storyboard", 79),
    ("Writing", "Characters", 77),
    ("Writing", "Theatre Play", 39),
    ("Writing", "Adaptation", 27),
    ("Writing", "Original Story", 18),
    ("Writing", "Dialogue", 17),
    ("Editing", "Editor", 1515),
    ("Editing", "Dialogue Editor", 212),
    ("Editing", "First Assistant Editor", 108),
    ("Editing", "Color Timer", 95),
    ("Editing", "Assistant Editor", 95),
    ("Editing", "Supervising Film Editor", 17),
    ("Directing", "Script Supervisor", 328),
    ("Directing", "Assistant Director", 271),
    ("Directing", "Layout", 87),
    ("Directing", "First Assistant Director", 71),
    ("Directing", "Second Assistant Director", 22),
    ("Camera", "Director of Photography", 1206),
    ("Camera", "Camera Operator", 333),
    ("Camera", "Still Photographer", 283),
    ("Camera", "Steadicam Operator", 138),
    ("Camera", "First Assistant Camera", 105),
    ("Camera", "Grip", 98),
    ("Camera", "Key Grip", 67),
    ("Camera", "Additional Photography", 30),
    ("Camera", "Aerial Camera", 14),
    ("Sound", "Original Music Composer", 1086),
    ("Sound", "Sound Re-Recording Mixer", 364),
    ("Sound", "Sound Effects Editor", 251),
    ("Sound", "Music Editor", 249),
    ("Sound", "Music", 232),
    ("Sound", "Supervising Sound Editor", 217),
    ("Sound", "Sound Designer", 191),
    ("Sound", "Sound Editor", 183),
    ("Sound", "Foley", 177),
    ("Sound", "Orchestrator", 125),
    ("Sound", "Boom Operator", 119),
    ("Sound", "Music Supervisor", 107),
    ("Sound", "Sound", 80),
    ("Sound", "Production Sound Mixer", 66),
    ("Sound", "Sound Mixer", 65),
    ("Sound", "ADR & Dubbing", 59),
    ("Sound", "Songs", 38),
    ("Sound", "Music Director", 23),
    ("Art", "Art Direction", 865),
    ("Art", "Production Design", 684),
    ("Art", "Set Decoration", 626),
    ("Art", "Set Designer", 202),
    ("Art", "Assistant Art Director", 158),
    ("Art", "Construction Coordinator", 150),
    ("Art", "Art Department Coordinator", 107),
    ("Art", "Leadman", 71),
    ("Art", "Property Master", 66),
    ("Art", "Painter", 55),
    ("Art", "Supervising Art Director", 44),
    ("Art", "Production Illustrator", 42),
    ("Art", "Location Scout", 32),
    ("Costume & Make-Up", "Costume Design", 710),
    ("Costume & Make-Up", "Makeup Artist", 523),
    ("Costume & Make-Up", "Hairstylist", 324),
    ("Costume & Make-Up", "Costume Supervisor", 184),
    ("Costume & Make-Up", "Set Costumer", 112),
    ("Costume & Make-Up", "Key Hair Stylist", 88),
    ("Costume & Make-Up", "Assistant Costume Designer", 74),
    ("Costume & Make-Up", "Makeup Department Head", 55),
    ("Costume & Make-Up", "Wardrobe Supervisor", 25),
    ("Visual Effects", "Animation", 370),
    ("Visual Effects", "Visual Effects Supervisor", 159),
    ("Visual Effects", "Visual Effects", 113),
    ("Visual Effects", "Visual Effects Producer", 97),
    ("Visual Effects", "Special Effects Supervisor", 73),
    ("Visual Effects", "Visual Effects Coordinator", 49),
    ("Visual Effects", "Animation Director", 47),
    ("Visual Effects", "Animation Supervisor", 45),
    ("Visual Effects", "Digital Compositors", 43),
    ("Crew", "Stunts", 409),
    ("Crew", "Stunt Coordinator", 238),
    ("Crew", "Special Effects", 230),
    ("Crew", "Special Effects Coordinator", 133),
    ("Crew", "Property Master", 113),
    ("Crew", "Sound Recordist", 95),
    ("Crew", "Transportation Coordinator", 92),
    ("Crew", "Unit Publicist", 89),
    ("Crew", "Thanks", 85),
    ("Crew", "Driver", 76),
    ("Crew", "Post Production Supervisor", 69),
    ("Crew", "Visual Effects Editor", 69),
    ("Crew", "Scenic Artist", 66),
    ("Crew", "Carpenter", 59),
    ("Crew", "Makeup Effects", 59),
    ("Crew", "Craft Service", 56),
    ("Crew", "Second Unit Cinematographer", 56),
    ("Crew", "Choreographer", 42),
    ("Crew", "Stand In", 40),
    ("Crew", "Dialect Coach", 32),
    ("Crew", "Armorer", 20),
    ("Lighting", "Gaffer", 151),
    ("Lighting", "Electrician", 86),
    ("Lighting", "Best Boy Electric", 62),
    ("Lighting", "Rigging Gaffer", 56),
    ("Lighting", "Lighting Technician", 43),
    ("Lighting", "Rigging Grip", 40),
    ("Lighting", "Chief Lighting Technician", 13),
)

# The jobs almost every small film credits, in the order TMDB usually lists them.
CORE_CREW_JOBS: tuple[tuple[str, str, float], ...] = (
    ("Writing", "Screenplay", 0.45),
    ("Production", "Producer", 0.45),
    ("Camera", "Director of Photography", 0.40),
    ("Editing", "Editor", 0.40),
    ("Sound", "Original Music Composer", 0.35),
    ("Writing", "Writer", 0.15),
    ("Writing", "Novel", 0.08),
    ("Production", "Executive Producer", 0.12),
    ("Production", "Casting", 0.10),
)

WRITING_JOBS: tuple[str, ...] = ("Screenplay", "Writer", "Story", "Novel")

# Invented-word building blocks: a first syllable, middle syllables and a last syllable.
ONSETS: tuple[str, ...] = (
    "b", "bl", "br", "c", "ch", "cl", "cr", "d", "dr", "f", "fl", "g", "gr", "h", "j", "k", "l",
    "m", "n", "p", "pr", "qu", "r", "s", "sk", "st", "t", "th", "tr", "v", "w", "z", "", "",
)  # fmt: skip
SIMPLE_ONSETS: tuple[str, ...] = (
    "b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "th", "l", "r", "n",
)  # fmt: skip
NUCLEI: tuple[str, ...] = ("a", "e", "i", "o", "u", "a", "e", "o", "a", "e", "ai", "au", "ea", "io", "y")
SIMPLE_NUCLEI: tuple[str, ...] = ("a", "e", "i", "o", "u", "a", "e", "o")
MIDDLE_CODAS: tuple[str, ...] = ("", "", "", "", "l", "r", "n", "s", "m")
CODAS: tuple[str, ...] = ("", "", "n", "r", "l", "s", "th", "x", "nd", "rn", "rd", "m", "ck", "ss")
SURNAME_ENDINGS: tuple[str, ...] = (
    "by", "sby", "ton", "well", "more", "ford", "wick", "stead", "ley", "den", "vane", "holt",
    "mere", "ridge", "gard", "wyn", "dell", "son", "mann", "berg", "ini", "ez", "ova", "sky",
)  # fmt: skip
MALE_ENDINGS: tuple[str, ...] = ("on", "el", "an", "o", "ar", "ik", "us", "ian", "ert", "en")
FEMALE_ENDINGS: tuple[str, ...] = ("a", "ia", "ette", "ine", "elle", "ina", "is", "ora", "ey", "wyn")
SURNAME_PREFIXES: tuple[str, ...] = ("O'", "O'", "D'", "Mc", "Mac", "van ", "de ", "von ", "di ", "Le ")

# One letter swapped for a non-ASCII one: (plain, accented).
ACCENTS: tuple[tuple[str, str], ...] = (
    ("a", "á"), ("e", "é"), ("e", "è"), ("o", "ø"), ("u", "ü"), ("n", "ñ"), ("l", "ł"),
    ("i", "í"), ("c", "ç"), ("o", "ö"), ("a", "å"), ("ss", "ß"), ("s", "ß"),
)  # fmt: skip

# Plain English words for titles, taglines and overviews.
TITLE_NOUNS: tuple[str, ...] = (
    "Accord", "Night", "Return", "Shadow", "Garden", "River", "House", "Summer", "Letter", "Road",
    "Secret", "Crown", "Edge", "Harbor", "Winter", "Promise", "Journey", "Island", "Heart", "Storm",
    "Witness", "Covenant", "Circle", "Mirror", "Orchard", "Legacy", "Frontier", "Wedding",
    "Machine", "Empire", "Lantern", "Voyage", "Ballad", "Affair", "Code", "Signal", "Gambit",
    "Kingdom", "Station", "Protocol", "Carnival", "Tides", "Hours", "Bridge", "Comet", "Dawn",
    "Echo", "Fever", "Hunt", "Paradox", "Requiem", "Sonata", "Reckoning", "Ascent", "Pact",
)  # fmt: skip
TITLE_ADJECTIVES: tuple[str, ...] = (
    "Last", "Silent", "Broken", "Hidden", "Little", "Long", "Lost", "Golden", "Dark", "Wild",
    "Quiet", "Bitter", "Distant", "Crimson", "Final", "Second", "Endless", "Hollow", "Burning",
    "Savage", "Sweet", "Electric", "Northern", "Secret", "Iron", "Paper", "Midnight", "Velvet",
)  # fmt: skip
SUBTITLE_WORDS: tuple[str, ...] = (
    "Part II", "The Return", "Revenge", "Rising", "Reborn", "The Next Chapter", "Resurrection",
    "The Final Chapter", "Origins", "Homecoming", "Legacy", "Aftermath",
)  # fmt: skip
ROMAN: tuple[str, ...] = ("II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")

COMPANY_PATTERNS: tuple[tuple[str, int], ...] = (
    ("{w} Pictures", 20), ("{w} Films", 20), ("{w} Entertainment", 14), ("{w} Productions", 18),
    ("{w} Studios", 6), ("{w} Media", 5), ("{w} Film Partners", 2), ("Studio {w}", 3),
    ("{w} & {v}", 2), ("{w}-Film", 3), ("Société {w}", 2), ("{w} Filmproduktion", 2),
    ("{w}'s Workshop", 1), ("{w} Company", 4), ("{w} Cinema", 3), ("{w} {v} Films", 3),
)  # fmt: skip

HOMEPAGE_PATTERNS: tuple[str, ...] = (
    "http://www.{slug}.com/",
    "http://www.{slug}movie.com/",
    "http://{slug}.{studio}.com/",
    "http://www.{studio}.com/movies/{slug}",
    "https://www.{studio}.com/film/{slug}/",
    "http://www.{slug}-film.de/",
    "http://www.{studio}.fr/{slug}.html",
)

# Overview vocabulary.
OVERVIEW_NOUNS: tuple[str, ...] = (
    "family", "town", "war", "secret", "friend", "father", "mother", "daughter", "son", "brother",
    "sister", "life", "world", "city", "past", "journey", "mission", "night", "house", "school",
    "woman", "man", "girl", "boy", "detective", "soldier", "team", "village", "island", "teacher",
    "doctor", "thief", "gang", "band", "ship", "farm", "letter", "fortune", "murder", "marriage",
    "career", "company", "kingdom", "planet", "experiment", "scientist", "journalist", "lawyer",
    "stranger", "reporter", "pilot", "singer", "painter", "widow", "orphan", "prisoner", "crew",
)  # fmt: skip
OVERVIEW_ADJECTIVES: tuple[str, ...] = (
    "young", "old", "small", "mysterious", "dangerous", "lonely", "ambitious", "reluctant",
    "retired", "brilliant", "troubled", "wealthy", "poor", "strange", "quiet", "former", "secret",
    "ruthless", "naive", "eccentric", "legendary", "desperate", "remote", "forgotten", "rival",
)  # fmt: skip
OVERVIEW_VERBS: tuple[str, ...] = (
    "discovers", "finds", "learns", "returns to", "falls for", "meets", "becomes", "fights",
    "escapes", "uncovers", "inherits", "joins", "betrays", "protects", "follows", "hunts",
    "rescues", "confronts", "loses", "investigates", "leaves", "defends", "searches for",
)  # fmt: skip
OVERVIEW_INFINITIVES: tuple[str, ...] = (
    "save", "find", "stop", "win back", "escape", "protect", "expose", "rebuild", "survive",
    "forgive", "outwit", "reach", "understand", "free", "warn", "solve", "avenge", "bring home",
)  # fmt: skip
TIME_PHRASES: tuple[str, ...] = (
    "In the summer of {year}", "After the war", "Years later", "On the eve of the election",
    "During a long winter", "In a near future", "At the turn of the century", "One stormy night",
    "Decades after the accident", "In {year}",
)  # fmt: skip

CHARACTER_ROLES: tuple[str, ...] = (
    "Guard", "Nurse", "Doctor", "Waitress", "Bartender", "Cop", "Reporter", "Soldier", "Priest",
    "Driver", "Girl in Bar", "Man in Crowd", "Detective", "Receptionist", "Old Woman", "Little Boy",
    "Party Guest", "Pilot", "Bouncer", "Cashier", "Judge", "Narrator", "Student", "Thug",
)  # fmt: skip
