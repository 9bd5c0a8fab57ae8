"""Cultural literacy (文化素养): ten demo courses."""

from resources.demo.texts.course_text import CourseText, SectionText

SECTION = SectionText(
    code="cultural_literacy",
    prefix="cul",
    clips=("wellness", "science"),
    colour=(0xC6, 0x28, 0x28),
    practice=(
        "和朋友或家人聊一聊本课中最打动你的内容。",
        "Talk with a friend or relative about the part of this course that struck you most.",
    ),
    courses=(
        CourseText(
            title=("唐诗鉴赏", "Reading Tang poetry"),
            summary=(
                "走近李白、杜甫和王维，读懂唐诗的格律与意境。",
                "Meet Li Bai, Du Fu and Wang Wei, and learn how Tang poems are built.",
            ),
            tags=("唐诗", "古诗", "poetry", "Tang dynasty"),
            horizontal=("basic", "lifelong"),
            vertical=("aesthetic", "intellectual"),
            points=(
                ("唐诗常见的体裁有五言、七言的绝句和律诗。",
                 "Tang poems are mostly quatrains or regulated verse, five or seven characters a "
                 "line."),
                ("李白被称为“诗仙”，杜甫被称为“诗圣”。",
                 'Li Bai is called the "Immortal of Poetry" and Du Fu the "Sage of Poetry".'),
                ("“床前明月光”出自李白的《静夜思》。",
                 '"Moonlight before my bed" opens Li Bai\'s "Quiet Night Thoughts".'),
            ),
            myth=("律诗每首都只有四句。", "Every regulated verse poem has four lines."),
            truth=("律诗一般八句，绝句才是四句。",
                   "Regulated verse has eight lines; it is the quatrain that has four."),
        ),
        CourseText(
            title=("二十四节气", "The 24 solar terms"),
            summary=(
                "从立春到大寒，了解节气里的天文、农事和习俗。",
                "From the Beginning of Spring to Greater Cold: astronomy, farming and customs.",
            ),
            tags=("节气", "传统文化", "solar terms", "tradition"),
            horizontal=("basic", "lifelong"),
            vertical=("intellectual", "work"),
            points=(
                ("二十四节气是根据太阳在黄道上的位置划分的。",
                 "The 24 solar terms follow the sun's position along the ecliptic."),
                ("2016年，二十四节气被列入联合国教科文组织人类非物质文化遗产代表作名录。",
                 "In 2016 the solar terms were inscribed on UNESCO's Intangible Cultural "
                 "Heritage list."),
                ("清明既是节气，也是传统节日。",
                 "Qingming is both a solar term and a traditional festival."),
            ),
            myth=("二十四节气是按月亮的圆缺来定的。",
                  "The solar terms are set by the phases of the moon."),
            truth=("节气反映太阳的运行，所以在公历中的日期比较固定。",
                   "They follow the sun, so their dates in the Gregorian calendar barely move."),
        ),
        CourseText(
            title=("汉字的故事", "The story of Chinese characters"),
            summary=(
                "从甲骨文到简化字，看汉字怎样造字、怎样演变。",
                "From oracle bones to simplified script: how characters are formed and have "
                "changed.",
            ),
            tags=("汉字", "语言", "characters", "writing"),
            horizontal=("basic",),
            vertical=("intellectual", "aesthetic"),
            points=(
                ("甲骨文是目前发现的中国最早的成体系文字。",
                 "Oracle-bone script is the earliest systematic Chinese writing found so far."),
                ("汉字的造字方法中，形声字数量最多。",
                 "Of the ways characters are formed, meaning-plus-sound compounds are by far the "
                 "most common."),
                ("“休”是会意字：一个人靠在树旁休息。",
                 "休 (rest) is a compound ideograph: a person leaning against a tree."),
            ),
            myth=("汉字都是象形字。", "All Chinese characters are pictures of things."),
            truth=("象形字只占少数，大多数汉字是形声字。",
                   "Pictographs are few; most characters combine a meaning part and a sound part."),
        ),
        CourseText(
            title=("中国传统节日", "Traditional Chinese festivals"),
            summary=(
                "春节、端午、中秋、重阳的来历和习俗。",
                "The origins and customs of the Spring, Dragon Boat, Mid-Autumn and Double Ninth "
                "festivals.",
            ),
            tags=("节日", "习俗", "festivals", "customs"),
            horizontal=("basic", "lifelong"),
            vertical=("moral", "aesthetic"),
            points=(
                ("春节在农历正月初一，是最隆重的传统节日。",
                 "The Spring Festival, on the first day of the lunar year, is the greatest "
                 "festival."),
                ("端午节在农历五月初五，有赛龙舟、吃粽子的习俗。",
                 "The Dragon Boat Festival, on the 5th of the 5th lunar month, has boat races "
                 "and zongzi."),
                ("中秋节在农历八月十五，寓意团圆。",
                 "The Mid-Autumn Festival, on the 15th of the 8th lunar month, celebrates "
                 "reunion."),
            ),
            myth=("重阳节在农历七月初七。",
                  "The Double Ninth Festival falls on the 7th of the 7th lunar month."),
            truth=("重阳节在农历九月初九，七月初七是七夕。",
                   "Double Ninth is on the 9th of the 9th month; the 7th of the 7th is Qixi."),
        ),
        CourseText(
            title=("论语选读", "Selected readings from the Analects"),
            summary=(
                "精读《论语》名句，体会孔子关于学习与做人的思考。",
                "Close reading of famous lines from the Analects on learning and living.",
            ),
            tags=("论语", "孔子", "Analects", "Confucius"),
            horizontal=("higher", "lifelong"),
            vertical=("moral", "intellectual"),
            points=(
                ("《论语》记录了孔子及其弟子的言行。",
                 "The Analects record the words and deeds of Confucius and his disciples."),
                ("“学而时习之，不亦说乎”强调学了要经常温习和实践。",
                 '"To learn and practise it in due time, is that not a joy?" praises regular '
                 'practice.'),
                ("“己所不欲，勿施于人”是推己及人的处世原则。",
                 '"Do not do to others what you would not want done to you" teaches empathy.'),
            ),
            myth=("《论语》是孔子亲笔写成的。", "Confucius wrote the Analects himself."),
            truth=("《论语》由孔子的弟子及再传弟子编纂而成。",
                   "It was compiled by his disciples and their followers."),
        ),
        CourseText(
            title=("中国古代建筑", "Traditional Chinese architecture"),
            summary=(
                "榫卯、斗拱和宫殿园林，读懂古建筑里的智慧。",
                "Joinery, brackets, palaces and gardens: the craft inside old buildings.",
            ),
            tags=("建筑", "古建", "architecture", "heritage"),
            horizontal=("higher", "lifelong"),
            vertical=("aesthetic", "intellectual"),
            points=(
                ("传统木结构建筑常用榫卯连接，不用铁钉。",
                 "Traditional timber buildings join beams with mortise and tenon, without nails."),
                ("斗拱位于柱与梁之间，既承重又起装饰作用。",
                 "Dougong brackets between column and beam both carry weight and decorate."),
                ("北京故宫是世界上现存规模最大的木结构宫殿建筑群之一。",
                 "Beijing's Palace Museum is one of the largest timber palace complexes standing."),
            ),
            myth=("中国古建筑主要是用石头砌成的。",
                  "Ancient Chinese buildings were mostly built of stone."),
            truth=("中国古建筑以木结构为主。", "Timber framing was the main way of building."),
        ),
        CourseText(
            title=("丝绸之路", "The Silk Road"),
            summary=(
                "两千年前的商路怎样连接东西方，传播货物与文化。",
                "How an ancient trade route linked East and West and carried goods and ideas.",
            ),
            tags=("丝绸之路", "历史", "Silk Road", "history"),
            horizontal=("basic", "higher"),
            vertical=("intellectual",),
            points=(
                ("西汉张骞出使西域，开辟了丝绸之路。",
                 "Zhang Qian's missions to the west under the Western Han opened the Silk Road."),
                ("丝绸之路不仅运送丝绸，也传播了技术、宗教和艺术。",
                 "The Silk Road carried not only silk but also techniques, religions and art."),
                ("2014年，丝绸之路长安—天山廊道路网列入世界遗产名录。",
                 "In 2014 the Chang'an–Tianshan corridor of the Silk Roads became a World "
                 "Heritage site."),
            ),
            myth=("丝绸之路是一条笔直的单一道路。", "The Silk Road was a single straight road."),
            truth=("丝绸之路是由许多路线组成的交通网络。", "It was a network of many routes."),
        ),
        CourseText(
            title=("京剧入门", "An introduction to Peking opera"),
            summary=(
                "行当、脸谱和唱念做打，带你看懂一出京剧。",
                "Roles, face paint and the four skills: learn to follow a Peking opera.",
            ),
            tags=("京剧", "戏曲", "Peking opera", "theatre"),
            horizontal=("lifelong",),
            vertical=("aesthetic",),
            points=(
                ("京剧的行当分为生、旦、净、丑。",
                 "Peking opera roles are sheng, dan, jing and chou."),
                ("脸谱的颜色有含义，如红色常表示忠勇。",
                 "Face-paint colours carry meaning: red often stands for loyalty and courage."),
                ("京剧表演讲究唱、念、做、打。",
                 "Peking opera combines singing, speech, acting and acrobatic combat."),
            ),
            myth=("京剧已经有上千年的历史。", "Peking opera is over a thousand years old."),
            truth=("京剧形成于清代，一般以1790年徽班进京为起点。",
                   "It took shape in the Qing dynasty, usually dated from 1790, when Anhui "
                   "troupes came to Beijing."),
        ),
        CourseText(
            title=("家风与家训", "Family values and family teachings"),
            summary=(
                "从古代家训到今天的好家风，看家庭怎样传承美德。",
                "From old family instructions to good family values today.",
            ),
            tags=("家风", "家训", "family values", "ethics"),
            horizontal=("lifelong",),
            vertical=("moral",),
            points=(
                ("《颜氏家训》是南北朝颜之推写给子孙的家训。",
                 "The Family Instructions of the Yan Clan were written by Yan Zhitui for his "
                 "descendants."),
                ("好家风重在长辈以身作则。",
                 "Good family values start with elders setting an example."),
                ("勤俭、孝敬、诚信是常见的家训主题。",
                 "Thrift, respect for parents and honesty are common themes."),
            ),
            myth=("家风只是古代大户人家的事，和普通家庭无关。",
                  "Family values were only a matter for great households of the past."),
            truth=("每个家庭都有自己的家风，体现在日常言行中。",
                   "Every family has values of its own, shown in everyday words and deeds."),
        ),
        CourseText(
            title=("世界文化遗产在中国", "World Heritage sites in China"),
            summary=(
                "长城、兵马俑、莫高窟……认识身边的世界遗产。",
                "The Great Wall, the Terracotta Army, the Mogao Caves and more.",
            ),
            tags=("世界遗产", "文物", "World Heritage", "relics"),
            horizontal=("basic", "lifelong"),
            vertical=("aesthetic", "moral"),
            points=(
                ("长城于1987年被列入世界遗产名录。",
                 "The Great Wall was inscribed on the World Heritage List in 1987."),
                ("秦始皇陵兵马俑被誉为“世界第八大奇迹”。",
                 "The Terracotta Army has been called the eighth wonder of the world."),
                ("保护文物人人有责，参观时不要触摸和刻画。",
                 "Protecting heritage is everyone's duty: never touch or carve on relics."),
            ),
            myth=("在太空中用肉眼就能看到长城。",
                  "The Great Wall can be seen from space with the naked eye."),
            truth=("长城很长但很窄，在太空中肉眼难以分辨。",
                   "The wall is long but narrow; from orbit it cannot be picked out by eye."),
        ),
    ),
)
