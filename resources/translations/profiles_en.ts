<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>FacilitatorPage</name>
    <message>
        <source>Facilitator</source>
        <translation>Facilitator</translation>
    </message>
    <message>
        <source>Learners on this computer</source>
        <translation>Learners on this computer</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>This computer</translation>
    </message>
    <message>
        <source>Learners</source>
        <translation>Learners</translation>
    </message>
    <message>
        <source>Add learner</source>
        <translation>Add learner</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>Reset PIN</source>
        <translation>Reset PIN</translation>
    </message>
    <message>
        <source>Delete learner</source>
        <translation>Delete learner</translation>
    </message>
    <message>
        <source>Download courses</source>
        <translation>Download courses</translation>
    </message>
    <message>
        <source>Installed courses</source>
        <translation>Installed courses</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Platform address</source>
        <translation>Platform address</translation>
    </message>
    <message>
        <source>Download speed limit</source>
        <translation>Download speed limit</translation>
    </message>
    <message>
        <source>Lock after idle</source>
        <translation>Lock after idle</translation>
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
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Never</translation>
    </message>
    <message>
        <source>facilitator</source>
        <translation>facilitator</translation>
    </message>
    <message>
        <source>guest</source>
        <translation>guest</translation>
    </message>
    <message>
        <source>learner</source>
        <translation>learner</translation>
    </message>
    <message>
        <source>%1 records waiting to sync</source>
        <translation>%1 records waiting to sync</translation>
    </message>
    <message>
        <source>Courses use %1; %2 free on this disk.</source>
        <translation>Courses use %1; %2 free on this disk.</translation>
    </message>
    <message>
        <source>%1 was added.</source>
        <translation>%1 was added.</translation>
    </message>
    <message>
        <source>The learner is now called %1.</source>
        <translation>The learner is now called %1.</translation>
    </message>
    <message>
        <source>The PIN was reset.</source>
        <translation>The PIN was reset.</translation>
    </message>
    <message>
        <source>The learner and their progress were deleted.</source>
        <translation>The learner and their progress were deleted.</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Settings saved.</translation>
    </message>
    <message>
        <source>New name for %1:</source>
        <translation>New name for %1:</translation>
    </message>
    <message>
        <source>New PIN for %1 (4 to 6 digits; empty for none):</source>
        <translation>New PIN for %1 (4 to 6 digits; empty for none):</translation>
    </message>
    <message>
        <source>You cannot delete the profile you are using.</source>
        <translation>You cannot delete the profile you are using.</translation>
    </message>
    <message>
        <source>Delete %1 and all their progress? This cannot be undone.</source>
        <translation>Delete %1 and all their progress? This cannot be undone.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>GuestEnding</name>
    <message>
        <source>Guest session</source>
        <translation>Guest session</translation>
    </message>
    <message>
        <source>You studied as a guest. Keep your progress as a new profile? If you discard it, or leave the computer until it locks, it is deleted from this computer and cannot be brought back.</source>
        <translation>You studied as a guest. Keep your progress as a new profile? If you discard it, or leave the computer until it locks, it is deleted from this computer and cannot be brought back.</translation>
    </message>
    <message>
        <source>Keep as a profile</source>
        <translation>Keep as a profile</translation>
    </message>
    <message>
        <source>Discard my progress</source>
        <translation>Discard my progress</translation>
    </message>
    <message>
        <source>Go on studying</source>
        <translation>Go on studying</translation>
    </message>
</context>
<context>
    <name>LearnerForm</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>PIN (4 to 6 digits)</source>
        <translation>PIN (4 to 6 digits)</translation>
    </message>
    <message>
        <source>PIN (optional, 4 to 6 digits)</source>
        <translation>PIN (optional, 4 to 6 digits)</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>PIN again</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Please enter a name.</source>
        <translation>Please enter a name.</translation>
    </message>
    <message>
        <source>A PIN is 4 to 6 digits.</source>
        <translation>A PIN is 4 to 6 digits.</translation>
    </message>
    <message>
        <source>The two PINs are different.</source>
        <translation>The two PINs are different.</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>Too many wrong PINs. This profile is locked; try again in %1 seconds.</source>
        <translation>Too many wrong PINs. This profile is locked; try again in %1 seconds.</translation>
    </message>
    <message>
        <source>Wrong PIN. %1 tries left before the profile locks.</source>
        <translation>Wrong PIN. %1 tries left before the profile locks.</translation>
    </message>
    <message>
        <source>A PIN is 4 to 6 digits.</source>
        <translation>A PIN is 4 to 6 digits.</translation>
    </message>
    <message>
        <source>Enter PIN</source>
        <translation>Enter PIN</translation>
    </message>
    <message>
        <source>Enter the PIN of %1.</source>
        <translation>Enter the PIN of %1.</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ProfilePicker</name>
    <message>
        <source>Facilitator · PIN</source>
        <translation>Facilitator · PIN</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Who is learning today?</source>
        <translation>Who is learning today?</translation>
    </message>
    <message>
        <source>Choose your name. Your progress is kept apart from others'.</source>
        <translation>Choose your name. Your progress is kept apart from others'.</translation>
    </message>
    <message>
        <source>Large type and high contrast</source>
        <translation>Large type and high contrast</translation>
    </message>
    <message>
        <source>Add learner</source>
        <translation>Add learner</translation>
    </message>
    <message>
        <source>A new profile on this computer</source>
        <translation>A new profile on this computer</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Guest</translation>
    </message>
    <message>
        <source>Study without a profile</source>
        <translation>Study without a profile</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Switch learner</source>
        <translation>Switch learner</translation>
    </message>
    <message>
        <source>Lock and choose another learner (Ctrl+L)</source>
        <translation>Lock and choose another learner (Ctrl+L)</translation>
    </message>
</context>
<context>
    <name>SimpleHome</name>
    <message>
        <source>Hello, %1</source>
        <translation>Hello, %1</translation>
    </message>
    <message>
        <source>Nothing started yet: find a class</source>
        <translation>Nothing started yet: find a class</translation>
    </message>
    <message>
        <source>Continue learning</source>
        <translation>Continue learning</translation>
    </message>
    <message>
        <source>Silver-age classes</source>
        <translation>Silver-age classes</translation>
    </message>
    <message>
        <source>Classes made for older learners</source>
        <translation>Classes made for older learners</translation>
    </message>
    <message>
        <source>My courses</source>
        <translation>My courses</translation>
    </message>
    <message>
        <source>Courses on this computer</source>
        <translation>Courses on this computer</translation>
    </message>
    <message>
        <source>Switch learner</source>
        <translation>Switch learner</translation>
    </message>
    <message>
        <source>Let someone else use the computer</source>
        <translation>Let someone else use the computer</translation>
    </message>
</context>
</TS>