<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CallbackDone</name>
    <message>
        <source>Thank you. We have your request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the topics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your reference: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A specialist will call you, usually within one business day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>We will call you at %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallbackForm</name>
    <message>
        <source>First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best time to call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language for the call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Morning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afternoon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A specialist may call me at this number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please enter your first name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please use 40 letters or fewer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please use letters only. Spaces, hyphens and apostrophes are fine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please enter a phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A phone number has only numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This number does not look complete. Please check it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please enter a phone number from this country.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please tick the box so a specialist may call you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This screen cannot take requests right now. Please ask at the front desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please check this.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallbackScreen</name>
    <message>
        <source>Contact a specialist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave your first name and phone number. We use them only to call you back, and they are erased from this screen when you leave.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What would you like to talk about?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clinical trial %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No particular topic</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CardBrowser</name>
    <message>
        <source>This topic cannot be shown right now. Please ask at the front desk.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactFallback</name>
    <message>
        <source>Please ask at the front desk if you would like to talk to a specialist.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DefinitionCover</name>
    <message>
        <source>Read aloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorSummary</name>
    <message>
        <source>There is a problem</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>Learning about immunotherapy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Immunotherapy helps your own immune system fight blood cancer. Tap a topic to begin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good places to start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact a specialist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave your first name and number, and a specialist will call you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinical trials near this clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Research studies looking for people to join, in plain words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n topic(s)</source>
        <translation>
            <numerusform>%n topic</numerusform>
            <numerusform>%n topics</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IdleNotice</name>
    <message>
        <source>Are you still there?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>To keep your visit private, this screen will start over in %n second(s).</source>
        <translation>
            <numerusform>To keep your visit private, this screen will start over in %n second.</numerusform>
            <numerusform>To keep your visit private, this screen will start over in %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>Yes, I am still here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I am finished: clear my screen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Keyboard</name>
    <message>
        <source>Capital letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Press Up or Down to move, Enter to choose, and Escape to go back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are on: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NavBar</name>
    <message>
        <source>Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text and colors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text size %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text size: %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Staff PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReadAloudBar</name>
    <message>
        <source>Read aloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quieter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Louder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volume: %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading aloud: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchScreen</name>
    <message>
        <source>Search the topics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a word, like “antibody”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or choose a section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact a specialist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave your first name and number, and a specialist will call you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinical trial %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a word, and the topics that use it show here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topics with these words:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>We found no topic with those words. Try another word, or:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SectionScreen</name>
    <message numerus="yes">
        <source>%n short topic(s) to read at your own pace. Tap one to begin.</source>
        <translation>
            <numerusform>%n short topic to read at your own pace. Tap it to begin.</numerusform>
            <numerusform>%n short topics to read at your own pace. Tap one to begin.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StaffAccess</name>
    <message numerus="yes">
        <source>That PIN is not right. %n try(s) left before a pause.</source>
        <translation>
            <numerusform>That PIN is not right. %n try left before a pause.</numerusform>
            <numerusform>That PIN is not right. %n tries left before a pause.</numerusform>
        </translation>
    </message>
    <message>
        <source>Too many wrong tries. Try again in %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffPanel</name>
    <message>
        <source>Staff panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After each visit, start again with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update content now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit to desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close staff panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking for new content…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusView</name>
    <message numerus="yes">
        <source>%n problem(s) need attention</source>
        <translation>
            <numerusform>%n problem needs attention</numerusform>
            <numerusform>%n problems need attention</numerusform>
        </translation>
    </message>
    <message>
        <source>All checks passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last update error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fleet status reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kiosk is not running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No staff PIN is set, so the staff panel cannot open (`kiosk set-pin`).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No content is loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No callback endpoint: callback requests stay queued on this kiosk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A callback endpoint is set but callbacks.secret is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n callback request(s) could not be delivered.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Callback requests have been waiting for more than an hour.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content updates are off: sync.repository_url is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fleet status is off: status.endpoint is set but status.secret is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fleet status is not getting through: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low disk space: %1 MB free.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: could not be read (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clinical trials list is %1 days old: fetch it again and publish the content.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fleet status is off: %1 is not a valid address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fleet status is off: %1 must use https:// (http:// only for this machine).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fleet status is off: %1 must be an https:// address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content updates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callback outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speech</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callback requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the update offered cannot be used (too large, incomplete or not valid)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the update&apos;s signed data has expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>older than a version this kiosk has seen (replay or rollback)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad signature or wrong key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a file&apos;s hash or length does not match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a download was larger than allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid metadata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the content server was too slow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the content server answered HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the update settings are not right (see `kiosk doctor`)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a file on this kiosk could not be read or written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another content update is running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected error (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the content server cannot be reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the content server cannot be reached (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server name not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS certificate not trusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>system error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content update rejected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content update unavailable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content update failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content updated to version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content is up to date (version %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signage mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out of service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes, since %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No (last started %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No, never started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callback requests waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callback requests failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (oldest %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failing: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sent %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the hub answered HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TakeHome</name>
    <message>
        <source>Take it home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point your phone&apos;s camera at the code to open this page on your phone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QR code for %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TopicScreen</name>
    <message>
        <source>What you can do next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Related topics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words on this card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print this card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact a specialist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take it home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point your phone&apos;s camera at the code to open this page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your page is printing. Please collect it from the printer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer is not working right now. Please ask at the front desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This topic is not available in this language yet</source>
        <translation>This topic is not available in English yet</translation>
    </message>
    <message>
        <source>Tap Home to see the topics we have.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrialsScreen</name>
    <message>
        <source>Clinical trials near this clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A clinical trial is a research study that tests a new way to treat cancer. These trials are looking for people to join. Only your care team can tell you if one is right for you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type of blood cancer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase of the trial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trials change often. Please talk with your care team before you decide anything about a trial.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leukemia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lymphoma</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Myeloma</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All phases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Early phase 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase 1 and 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase 2 and 3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase 3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase 4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Early phase 1: a very small first study to see how a new treatment acts in the body.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase 1: a small group tries a new treatment to find a safe dose and learn about side effects.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase 1 and 2: first a safe dose is found, then doctors see if the treatment works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase 2: a larger group tries the treatment to see if it works and how safe it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase 2 and 3: doctors see if the treatment works and compare it with the usual treatment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase 3: many people take part to compare the new treatment with the usual treatment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase 4: the treatment is already approved, and doctors learn more about it over time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This study has no phase: it may test a device, a test, or a way of caring for people.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ages %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>age %1 or older</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>age %1 or younger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>women and men</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>women only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>men only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who may join: %1, %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nearest site: ask your care team where this trial takes place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nearest site: %1, about %2 miles away.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who can join, in the study&apos;s own words: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The full list of who can join uses hard medical words, so it is not shown here. Your care team can go through it with you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no list of trials on this kiosk yet. Your care team can tell you about trials.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List updated %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>This list is %n day(s) old and may be out of date. Some trials may be full or closed. Your care team has the latest list.</source>
        <translation>
            <numerusform>This list is %n day old and may be out of date. Some trials may be full or closed. Your care team has the latest list.</numerusform>
            <numerusform>This list is %n days old and may be out of date. Some trials may be full or closed. Your care team has the latest list.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n trial(s) found</source>
        <translation>
            <numerusform>%n trial found</numerusform>
            <numerusform>%n trials found</numerusform>
        </translation>
    </message>
    <message>
        <source>No trials match these choices. Try All types or All phases.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Showing the %n nearest. Your care team can tell you about the others.</source>
        <translation>
            <numerusform>Showing the nearest one. Your care team can tell you about the others.</numerusform>
            <numerusform>Showing the %n nearest. Your care team can tell you about the others.</numerusform>
        </translation>
    </message>
    <message>
        <source>ask your care team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is tested: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask a specialist about this trial (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
