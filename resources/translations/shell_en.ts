<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>BrowsePage</name>
    <message>
        <source>Browse courses</source>
        <translation>Browse courses</translation>
    </message>
    <message>
        <source>Search courses (Chinese or English)…</source>
        <translation>Search courses (Chinese or English)…</translation>
    </message>
    <message>
        <source>Search courses</source>
        <translation>Search courses</translation>
    </message>
    <message>
        <source>Results follow as you type; press Enter to go to the list.</source>
        <translation>Results follow as you type; press Enter to go to the list.</translation>
    </message>
    <message>
        <source>Courses found</source>
        <translation>Courses found</translation>
    </message>
    <message>
        <source>Press Enter to open the chosen course.</source>
        <translation>Press Enter to open the chosen course.</translation>
    </message>
    <message>
        <source>Downloaded only</source>
        <translation>Downloaded only</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Education</translation>
    </message>
    <message>
        <source>Develops</source>
        <translation>Develops</translation>
    </message>
    <message>
        <source>All sections</source>
        <translation>All sections</translation>
    </message>
    <message>
        <source>Counting courses…</source>
        <translation>Counting courses…</translation>
    </message>
    <message numerus="yes">
        <source>%n course(s)</source>
        <translation>
            <numerusform>%n course</numerusform>
            <numerusform>%n courses</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CourseDelegate</name>
    <message>
        <source>Downloaded</source>
        <translation>Downloaded</translation>
    </message>
</context>
<context>
    <name>CoursePage</name>
    <message>
        <source>Course</source>
        <translation>Course</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Download</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>Cancel download</source>
        <translation>Cancel download</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Remove…</translation>
    </message>
    <message>
        <source>Start learning</source>
        <translation>Start learning</translation>
    </message>
    <message>
        <source>Update available</source>
        <translation>Update available</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>Lessons</translation>
    </message>
    <message>
        <source>Lessons of this course</source>
        <translation>Lessons of this course</translation>
    </message>
    <message>
        <source>Press Enter to open the chosen lesson.</source>
        <translation>Press Enter to open the chosen lesson.</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>Lesson</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Download size: %1</source>
        <translation>Download size: %1</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Reading</translation>
    </message>
    <message>
        <source>Quiz</source>
        <translation>Quiz</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Not started</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>%1% done</source>
        <translation>%1% done</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Update</translation>
    </message>
    <message>
        <source>Download failed: %1</source>
        <translation>Download failed: %1</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>%1 left</translation>
    </message>
    <message>
        <source>Remove “%1” from this computer? This frees %2. Progress is kept; you can download the course again.</source>
        <translation>Remove “%1” from this computer? This frees %2. Progress is kept; you can download the course again.</translation>
    </message>
    <message>
        <source>Remove course</source>
        <translation>Remove course</translation>
    </message>
    <message>
        <source>Removed; %1 freed.</source>
        <translation>Removed; %1 freed.</translation>
    </message>
    <message>
        <source>Download the course first to open its lessons.</source>
        <translation>Download the course first to open its lessons.</translation>
    </message>
</context>
<context>
    <name>DamagedLibrary</name>
    <message>
        <source>The learning library is damaged</source>
        <translation>The learning library is damaged</translation>
    </message>
    <message>
        <source>The learning library on this computer is damaged and cannot be used. A copy of it was kept.</source>
        <translation>The learning library on this computer is damaged and cannot be used. A copy of it was kept.</translation>
    </message>
    <message>
        <source>Start again with an empty library? Downloaded courses stay on this computer, learners and their records are kept as far as they can be read, and the course list comes back at the next sync.</source>
        <translation>Start again with an empty library? Downloaded courses stay on this computer, learners and their records are kept as far as they can be read, and the course list comes back at the next sync.</translation>
    </message>
    <message>
        <source>Start with an empty library</source>
        <translation>Start with an empty library</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Starting a new library…</source>
        <translation>Starting a new library…</translation>
    </message>
    <message>
        <source>A new library was started. It keeps %1 downloaded courses, %2 learners and %3 learning records.</source>
        <translation>A new library was started. It keeps %1 downloaded courses, %2 learners and %3 learning records.</translation>
    </message>
    <message>
        <source>Some of the old library could not be read; its copy is kept.</source>
        <translation>Some of the old library could not be read; its copy is kept.</translation>
    </message>
    <message>
        <source>Lifelong Learning</source>
        <translation>Lifelong Learning</translation>
    </message>
</context>
<context>
    <name>DownloadsPage</name>
    <message>
        <source>Courses use %1 on this computer; %2 free.</source>
        <translation>Courses use %1 on this computer; %2 free.</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>Downloads</translation>
    </message>
    <message>
        <source>No downloads. Open a course and choose Download.</source>
        <translation>No downloads. Open a course and choose Download.</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Failed: %1</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>%1 left</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Welcome, %1</source>
        <translation>Welcome, %1</translation>
    </message>
    <message>
        <source>Continue learning</source>
        <translation>Continue learning</translation>
    </message>
    <message>
        <source>Recommended for you</source>
        <translation>Recommended for you</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Sections</translation>
    </message>
    <message>
        <source>Courses you start appear here, so you can pick up where you stopped.</source>
        <translation>Courses you start appear here, so you can pick up where you stopped.</translation>
    </message>
    <message>
        <source>resume at %1</source>
        <translation>resume at %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Lifelong Learning</source>
        <translation>Lifelong Learning</translation>
    </message>
    <message>
        <source>Screens</source>
        <translation>Screens</translation>
    </message>
    <message>
        <source>Ctrl+1 to Ctrl+4 pick a screen</source>
        <translation>Ctrl+1 to Ctrl+4 pick a screen</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>Browse</source>
        <translation>Browse</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>Downloads</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>← Back</source>
        <translation>← Back</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>The app stopped unexpectedly last time. A report was saved at %1; please send it to your facilitator.</source>
        <translation>The app stopped unexpectedly last time. A report was saved at %1; please send it to your facilitator.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Signed in as %1 at %2</source>
        <translation>Signed in as %1 at %2</translation>
    </message>
    <message>
        <source>Not signed in: progress stays on this computer.</source>
        <translation>Not signed in: progress stays on this computer.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Large type</source>
        <translation>Large type</translation>
    </message>
    <message>
        <source>Platform address</source>
        <translation>Platform address</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Download speed limit</source>
        <translation>Download speed limit</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <source>Large type and high contrast</source>
        <translation>Large type and high contrast</translation>
    </message>
    <message>
        <source>https://platform.example.org</source>
        <translation>https://platform.example.org</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>User name on the platform</source>
        <translation>User name on the platform</translation>
    </message>
    <message>
        <source>Password on the platform</source>
        <translation>Password on the platform</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source> KB/s</source>
        <translation> KB/s</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>No limit</translation>
    </message>
    <message>
        <source>Enter the platform address first.</source>
        <translation>Enter the platform address first.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Signing in…</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) waiting to sync</source>
        <translation>
            <numerusform>%n record waiting to sync</numerusform>
            <numerusform>%n records waiting to sync</numerusform>
        </translation>
    </message>
    <message>
        <source>Please update the app to keep syncing.</source>
        <translation>Please update the app to keep syncing.</translation>
    </message>
    <message>
        <source>Last sync failed: %1</source>
        <translation>Last sync failed: %1</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Never synced</translation>
    </message>
    <message>
        <source>Synced just now</source>
        <translation>Synced just now</translation>
    </message>
    <message numerus="yes">
        <source>Synced %n minute(s) ago</source>
        <translation>
            <numerusform>Synced %n minute ago</numerusform>
            <numerusform>Synced %n minutes ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Synced %n hour(s) ago</source>
        <translation>
            <numerusform>Synced %n hour ago</numerusform>
            <numerusform>Synced %n hours ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Synced %n day(s) ago</source>
        <translation>
            <numerusform>Synced %n day ago</numerusform>
            <numerusform>Synced %n days ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>The learning library is damaged.</source>
        <translation>The learning library is damaged.</translation>
    </message>
    <message>
        <source>The course package was rejected; nothing was changed.</source>
        <translation>The course package was rejected; nothing was changed.</translation>
    </message>
    <message>
        <source>This item is not in the library.</source>
        <translation>This item is not in the library.</translation>
    </message>
    <message>
        <source>The PIN was not accepted.</source>
        <translation>The PIN was not accepted.</translation>
    </message>
    <message>
        <source>The disk is full. Remove some courses and try again.</source>
        <translation>The disk is full. Remove some courses and try again.</translation>
    </message>
    <message>
        <source>The platform cannot be reached. Check the connection and try again.</source>
        <translation>The platform cannot be reached. Check the connection and try again.</translation>
    </message>
    <message>
        <source>A file could not be read or written.</source>
        <translation>A file could not be read or written.</translation>
    </message>
    <message>
        <source>The operation could not be completed.</source>
        <translation>The operation could not be completed.</translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation>Something went wrong.</translation>
    </message>
</context>
</TS>