<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BrowsePage</name>
    <message>
        <source>Browse courses</source>
        <translation>浏览课程</translation>
    </message>
    <message>
        <source>Search courses (Chinese or English)…</source>
        <translation>搜索课程（中文或英文）…</translation>
    </message>
    <message>
        <source>Search courses</source>
        <translation>搜索课程</translation>
    </message>
    <message>
        <source>Results follow as you type; press Enter to go to the list.</source>
        <translation>边输入边显示结果；按回车键转到课程列表。</translation>
    </message>
    <message>
        <source>Courses found</source>
        <translation>找到的课程</translation>
    </message>
    <message>
        <source>Press Enter to open the chosen course.</source>
        <translation>按回车键打开所选课程。</translation>
    </message>
    <message>
        <source>Downloaded only</source>
        <translation>仅显示已下载</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>教育类型</translation>
    </message>
    <message>
        <source>Develops</source>
        <translation>培养方向</translation>
    </message>
    <message>
        <source>All sections</source>
        <translation>全部板块</translation>
    </message>
    <message>
        <source>Counting courses…</source>
        <translation>正在统计课程…</translation>
    </message>
    <message numerus="yes">
        <source>%n course(s)</source>
        <translation>
            <numerusform>共 %n 门课程</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CourseDelegate</name>
    <message>
        <source>Downloaded</source>
        <translation>已下载</translation>
    </message>
</context>
<context>
    <name>CoursePage</name>
    <message>
        <source>Course</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Cancel download</source>
        <translation>取消下载</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Start learning</source>
        <translation>开始学习</translation>
    </message>
    <message>
        <source>Update available</source>
        <translation>有更新</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>课时</translation>
    </message>
    <message>
        <source>Lessons of this course</source>
        <translation>本课程的课时</translation>
    </message>
    <message>
        <source>Press Enter to open the chosen lesson.</source>
        <translation>按回车键打开所选课时。</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>课时</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Download size: %1</source>
        <translation>下载大小：%1</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>阅读</translation>
    </message>
    <message>
        <source>Quiz</source>
        <translation>测验</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>%1% done</source>
        <translation>已完成 %1%</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Download failed: %1</source>
        <translation>下载失败：%1</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>剩余 %1</translation>
    </message>
    <message>
        <source>Remove “%1” from this computer? This frees %2. Progress is kept; you can download the course again.</source>
        <translation>要从这台电脑上删除“%1”吗？将释放 %2 空间。学习进度会保留，之后可以重新下载。</translation>
    </message>
    <message>
        <source>Remove course</source>
        <translation>删除课程</translation>
    </message>
    <message>
        <source>Removed; %1 freed.</source>
        <translation>已删除，释放了 %1。</translation>
    </message>
    <message>
        <source>Download the course first to open its lessons.</source>
        <translation>请先下载课程，再打开课时。</translation>
    </message>
</context>
<context>
    <name>DamagedLibrary</name>
    <message>
        <source>The learning library is damaged</source>
        <translation>学习资料库已损坏</translation>
    </message>
    <message>
        <source>The learning library on this computer is damaged and cannot be used. A copy of it was kept.</source>
        <translation>这台电脑上的学习资料库已损坏，无法使用。已保留一份副本。</translation>
    </message>
    <message>
        <source>Start again with an empty library? Downloaded courses stay on this computer, learners and their records are kept as far as they can be read, and the course list comes back at the next sync.</source>
        <translation>要用一个空的资料库重新开始吗？已下载的课程仍留在这台电脑上；学员和学习记录凡是能读出的都会保留；课程目录会在下次同步时恢复。</translation>
    </message>
    <message>
        <source>Start with an empty library</source>
        <translation>用空资料库重新开始</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Starting a new library…</source>
        <translation>正在建立新的资料库…</translation>
    </message>
    <message>
        <source>A new library was started. It keeps %1 downloaded courses, %2 learners and %3 learning records.</source>
        <translation>已建立新的资料库，保留了 %1 门已下载课程、%2 位学员和 %3 条学习记录。</translation>
    </message>
    <message>
        <source>Some of the old library could not be read; its copy is kept.</source>
        <translation>旧资料库有部分内容无法读取，它的副本已保留。</translation>
    </message>
    <message>
        <source>Lifelong Learning</source>
        <translation>终身学习</translation>
    </message>
</context>
<context>
    <name>DownloadsPage</name>
    <message>
        <source>Courses use %1 on this computer; %2 free.</source>
        <translation>课程占用本机 %1，剩余可用空间 %2。</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>下载管理</translation>
    </message>
    <message>
        <source>No downloads. Open a course and choose Download.</source>
        <translation>没有下载任务。打开一门课程，点击“下载”即可。</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>剩余 %1</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Welcome, %1</source>
        <translation>欢迎你，%1</translation>
    </message>
    <message>
        <source>Continue learning</source>
        <translation>继续学习</translation>
    </message>
    <message>
        <source>Recommended for you</source>
        <translation>为你推荐</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>课程板块</translation>
    </message>
    <message>
        <source>Courses you start appear here, so you can pick up where you stopped.</source>
        <translation>开始学习的课程会显示在这里，方便你从上次停下的地方继续。</translation>
    </message>
    <message>
        <source>resume at %1</source>
        <translation>从 %1 继续</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Lifelong Learning</source>
        <translation>终身学习</translation>
    </message>
    <message>
        <source>Screens</source>
        <translation>页面</translation>
    </message>
    <message>
        <source>Ctrl+1 to Ctrl+4 pick a screen</source>
        <translation>按 Ctrl+1 至 Ctrl+4 选择页面</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <source>Browse</source>
        <translation>浏览</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>下载管理</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>← Back</source>
        <translation>← 返回</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>The app stopped unexpectedly last time. A report was saved at %1; please send it to your facilitator.</source>
        <translation>上次程序意外关闭，错误报告已保存在 %1，请发给学习点管理员。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Signed in as %1 at %2</source>
        <translation>已在 %2 登录为 %1</translation>
    </message>
    <message>
        <source>Not signed in: progress stays on this computer.</source>
        <translation>未登录：学习进度只保存在这台电脑上。</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Large type</source>
        <translation>大字模式</translation>
    </message>
    <message>
        <source>Platform address</source>
        <translation>平台地址</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Download speed limit</source>
        <translation>下载限速</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>Large type and high contrast</source>
        <translation>大字体、高对比度</translation>
    </message>
    <message>
        <source>https://platform.example.org</source>
        <translation>https://platform.example.org</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>User name on the platform</source>
        <translation>平台用户名</translation>
    </message>
    <message>
        <source>Password on the platform</source>
        <translation>平台密码</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source> KB/s</source>
        <translation> KB/秒</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>不限速</translation>
    </message>
    <message>
        <source>Enter the platform address first.</source>
        <translation>请先填写平台地址。</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) waiting to sync</source>
        <translation>
            <numerusform>%n 条学习记录待同步</numerusform>
        </translation>
    </message>
    <message>
        <source>Please update the app to keep syncing.</source>
        <translation>请更新本应用后再同步。</translation>
    </message>
    <message>
        <source>Last sync failed: %1</source>
        <translation>上次同步失败：%1</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <source>Synced just now</source>
        <translation>刚刚同步</translation>
    </message>
    <message numerus="yes">
        <source>Synced %n minute(s) ago</source>
        <translation>
            <numerusform>%n 分钟前已同步</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Synced %n hour(s) ago</source>
        <translation>
            <numerusform>%n 小时前已同步</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Synced %n day(s) ago</source>
        <translation>
            <numerusform>%n 天前已同步</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>The learning library is damaged.</source>
        <translation>学习资料库已损坏。</translation>
    </message>
    <message>
        <source>The course package was rejected; nothing was changed.</source>
        <translation>课程包未通过检查，未做任何更改。</translation>
    </message>
    <message>
        <source>This item is not in the library.</source>
        <translation>资料库中没有这一项。</translation>
    </message>
    <message>
        <source>The PIN was not accepted.</source>
        <translation>PIN 码不正确。</translation>
    </message>
    <message>
        <source>The disk is full. Remove some courses and try again.</source>
        <translation>磁盘已满。请删除一些课程后再试。</translation>
    </message>
    <message>
        <source>The platform cannot be reached. Check the connection and try again.</source>
        <translation>无法连接平台。请检查网络后再试。</translation>
    </message>
    <message>
        <source>A file could not be read or written.</source>
        <translation>无法读取或写入文件。</translation>
    </message>
    <message>
        <source>The operation could not be completed.</source>
        <translation>操作未能完成。</translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation>出现了问题。</translation>
    </message>
</context>
</TS>
