"""Synthetic catalogue records (metadata only) for benchmarks at 100,000 courses.

Titles are built from word lists whose topics are drawn with Zipf-like weights, so that
Chinese queries of one, two and four characters and English words hit very different
numbers of courses, as in a real catalogue.
"""

import bisect
import hashlib
import itertools
import random
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Final, TypeVar

from app.facets import HORIZONTAL, VERTICAL
from resources.demo.records import ACTIVITY_BASE, course_record, updated_at
from resources.demo.texts import SECTIONS, Bilingual

TOPICS: Final[dict[str, tuple[Bilingual, ...]]] = {
    "scientific_literacy": (
        ("健康", "health"), ("物理", "physics"), ("人工智能", "artificial intelligence"),
        ("防诈骗", "fraud prevention"), ("天文", "astronomy"), ("化学", "chemistry"),
        ("营养", "nutrition"), ("急救", "first aid"), ("气象", "weather"), ("生物", "biology"),
        ("环保", "environmental protection"), ("地理", "geography"),
    ),
    "workplace_skills": (
        ("办公软件", "office software"), ("沟通", "communication"), ("管理", "management"),
        ("电商", "e-commerce"), ("销售", "sales"), ("面试", "job interviews"),
        ("直播", "live streaming"), ("领导力", "leadership"), ("客户服务", "customer service"),
        ("安全生产", "workplace safety"), ("物流", "logistics"), ("财务", "bookkeeping"),
    ),
    "cultural_literacy": (
        ("历史", "history"), ("传统文化", "traditional culture"), ("唐诗", "Tang poetry"),
        ("文学", "literature"), ("宋词", "Song lyrics"), ("汉字", "Chinese characters"),
        ("京剧", "Peking opera"), ("民俗", "folk customs"), ("哲学", "philosophy"),
        ("考古", "archaeology"), ("红楼梦", "Dream of the Red Chamber"),
        ("非物质文化遗产", "intangible heritage"),
    ),
    "hobbies_interests": (
        ("摄影", "photography"), ("烹饪", "cooking"), ("书法", "calligraphy"),
        ("国画", "Chinese painting"), ("园艺", "gardening"), ("舞蹈", "dance"),
        ("茶艺", "tea"), ("围棋", "Go"), ("钢琴", "piano"), ("手工", "handicrafts"),
        ("旅行", "travel"), ("钓鱼", "fishing"),
    ),
    "continuing_education": (
        ("英语", "English"), ("数学", "mathematics"), ("编程", "programming"),
        ("数据分析", "data analysis"), ("心理学", "psychology"), ("法律", "law"),
        ("家庭教育", "family education"), ("经济学", "economics"), ("统计学", "statistics"),
        ("普通话", "Putonghua"), ("教育学", "education"), ("会计", "accounting"),
    ),
    "silver_age": (
        ("智能手机", "smartphones"), ("养生", "wellbeing"), ("太极拳", "tai chi"),
        ("中医养生", "traditional Chinese wellness"), ("合唱", "choir singing"),
        ("八段锦", "Baduanjin"), ("手机支付", "mobile payment"), ("防跌倒", "fall prevention"),
        ("慢性病", "chronic illness"), ("微信", "WeChat"), ("戏曲", "Chinese opera"),
        ("老年营养", "nutrition in later life"),
    ),
}
PREFIXES: Final[tuple[Bilingual, ...]] = (
    ("", ""), ("实用", "practical "), ("趣味", "fun "), ("图解", "illustrated "),
    ("零基础学", "from scratch: "), ("轻松学", "easy "), ("系统学", "complete "),
)
SUFFIXES: Final[tuple[Bilingual, ...]] = (
    ("入门", " for beginners"), ("基础", " basics"), ("进阶", ": next steps"),
    ("十讲", " in ten lessons"), ("实战", " in practice"), ("课堂", " class"),
    ("精讲", ": the key topics"), ("指南", ": a guide"), ("与生活", " and everyday life"),
)
AUDIENCES: Final[tuple[Bilingual, ...]] = (
    ("初学者", "beginners"), ("在职人员", "working people"), ("老年朋友", "older learners"),
    ("家长", "parents"), ("大学生", "university students"), ("社区居民", "local residents"),
)
APPROACHES: Final[tuple[Bilingual, ...]] = (
    ("讲解基本概念和常见问题", "explains the basic ideas and common questions"),
    ("通过案例和练习帮助你学以致用", "uses cases and exercises to put learning into practice"),
    ("循序渐进，配有视频和小测验", "goes step by step, with videos and quizzes"),
    ("由浅入深，帮助你建立完整的知识框架", "builds a complete picture from the ground up"),
)
LESSON_SUBJECTS: Final[tuple[Bilingual, ...]] = (
    ("基本概念", "basic ideas"), ("发展历史", "history"), ("常用方法", "common methods"),
    ("案例分析", "case studies"), ("动手练习", "hands-on practice"),
    ("常见误区", "common mistakes"), ("拓展阅读", "further reading"),
)
T = TypeVar("T")
_PREFIX_OF: Final = {section.code: section.prefix for section in SECTIONS}
_SECTIONS: Final = tuple(TOPICS)
# Zipf-like: the topic of rank r is drawn with weight 1 / (r + 1).
_CUMULATIVE: Final = list(itertools.accumulate(1 / rank for rank in range(1, 13)))


def _combinations(codes: Iterable[str], most: int) -> tuple[list[str], ...]:
    """Every choice of 1 to ``most`` codes, each in the platform's order."""
    codes = tuple(codes)
    return tuple(list(chosen) for size in range(1, most + 1)
                 for chosen in itertools.combinations(codes, size))


_HORIZONTAL_CHOICES: Final = _combinations(HORIZONTAL, 2)
_VERTICAL_CHOICES: Final = _combinations(VERTICAL, 3)


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


class _Draw:
    """Fast draws from one seeded generator (``randrange`` costs several times more)."""

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed).random

    def below(self, count: int) -> int:
        return int(self.random() * count)

    def of(self, items: Sequence[T]) -> T:
        return items[int(self.random() * len(items))]


def _lessons(draw: _Draw, course_id: str, topic: Bilingual) -> list[dict[str, Any]]:
    """3–6 lessons: videos and texts on the topic, then a quiz."""
    count = 3 + draw.below(4)
    first = draw.below(len(LESSON_SUBJECTS))
    lessons: list[dict[str, Any]] = []
    for number in range(1, count):
        zh, en = LESSON_SUBJECTS[(first + number) % len(LESSON_SUBJECTS)]
        video = draw.random() < 0.6
        lessons.append({
            "id": f"{course_id}-{number:02d}", "kind": "video" if video else "text",
            "title": {"zh": f"第{number}讲：{topic[0]}的{zh}",
                      "en": f"Lesson {number}: {_capitalised(topic[1])}, {en}"},
            "duration": 60 + draw.below(1140) if video else None,
        })
    lessons.append({"id": f"{course_id}-{count:02d}", "kind": "quiz",
                    "title": {"zh": "单元测验", "en": "Unit quiz"}})
    return lessons


def _record(draw: _Draw, number: int, seed: int, activity_base: str) -> dict[str, Any]:
    section = draw.of(_SECTIONS)
    topic = TOPICS[section][bisect.bisect(_CUMULATIVE, draw.random() * _CUMULATIVE[-1])]
    prefix, suffix = draw.of(PREFIXES), draw.of(SUFFIXES)
    audience, approach = draw.of(AUDIENCES), draw.of(APPROACHES)
    course_id = f"{_PREFIX_OF[section]}-{number:06d}"
    version = 1 + draw.below(3)
    package_name = f"{course_id}-v{version}.zip"
    return course_record(
        course_id=course_id, version=version, section=section,
        facets=(draw.of(_HORIZONTAL_CHOICES), draw.of(_VERTICAL_CHOICES)),
        title={"zh": prefix[0] + topic[0] + suffix[0],
               "en": _capitalised(prefix[1] + topic[1] + suffix[1])},
        summary={"zh": f"这门面向{audience[0]}的{topic[0]}课程{approach[0]}。",
                 "en": f"For {audience[1]}: a course on {topic[1]} that {approach[1]}."},
        tags=[topic[0], topic[1], audience[0]],
        package={"url": f"/packages/{package_name}", "size": 200_000 + draw.below(80_000_000),
                 "sha256": hashlib.sha256(f"{package_name}:{seed}".encode()).hexdigest()},
        lessons=_lessons(draw, course_id, topic), updated=updated_at(number),
        activity_base=activity_base,
    )


def synthetic_records(
    count: int, *, seed: int = 0, activity_base: str = ACTIVITY_BASE
) -> Iterator[dict[str, Any]]:
    """``count`` deterministic catalogue records (no packages behind them) for benchmarks."""
    draw = _Draw(seed)
    for number in range(1, count + 1):
        yield _record(draw, number, seed, activity_base)
