"""The platform's sections and dimensions (the catalogue's facets), with their labels.

Codes are the protocol's; labels are shown to learners (Chinese first, English too).
"""

from typing import Final

SECTIONS: Final[dict[str, tuple[str, str]]] = {
    "scientific_literacy": ("科学素养", "Scientific literacy"),
    "workplace_skills": ("职场技能", "Workplace skills"),
    "cultural_literacy": ("文化素养", "Cultural literacy"),
    "hobbies_interests": ("兴趣爱好", "Hobbies and interests"),
    "continuing_education": ("继续教育", "Continuing education"),
    "silver_age": ("银龄课堂", "Silver-age classes"),
}

HORIZONTAL: Final[dict[str, tuple[str, str]]] = {
    "basic": ("基础教育", "Basic education"),
    "vocational": ("职业教育", "Vocational education"),
    "higher": ("高等教育", "Higher education"),
    "lifelong": ("终身教育", "Lifelong education"),
}

VERTICAL: Final[dict[str, tuple[str, str]]] = {
    "moral": ("德", "Moral grounding"),
    "intellectual": ("智", "Intellectual ability"),
    "physical": ("体", "Physical vigour"),
    "aesthetic": ("美", "Aesthetic sensibility"),
    "work": ("劳", "Work skills"),
}

DIMENSIONS: Final[dict[str, dict[str, tuple[str, str]]]] = {
    "horizontal": HORIZONTAL,
    "vertical": VERTICAL,
}

LESSON_KINDS: Final[tuple[str, ...]] = ("video", "text", "quiz")


def label(table: dict[str, tuple[str, str]], code: str, language: str) -> str:
    """The label of ``code`` in ``language`` ("zh" or "en"); the code itself if unknown."""
    zh, en = table.get(code, (code, code))
    return zh if language.startswith("zh") else en
