<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CatalogPage</name>
    <message numerus="yes">
        <location filename="../catalog_page.py" line="207"/>
        <source>Showing %n of {total} items. Hours are approximate; check the course page before promising a figure.</source>
        <translation>
            <numerusform>Showing %n of {total} items. Hours are approximate; check the course page before promising a figure.</numerusform>
            <numerusform>Showing %n of {total} items. Hours are approximate; check the course page before promising a figure.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FrontDeskPanel</name>
    <message numerus="yes">
        <location filename="../front_desk_panel.py" line="131"/>
        <source>&lt;b&gt;Waiting&lt;/b&gt; — %n person(s)</source>
        <translation>
            <numerusform>&lt;b&gt;Waiting&lt;/b&gt; — %n person</numerusform>
            <numerusform>&lt;b&gt;Waiting&lt;/b&gt; — %n people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../front_desk_panel.py" line="132"/>
        <source>&lt;b&gt;Booked, still to come today&lt;/b&gt; — %n</source>
        <translation>
            <numerusform>&lt;b&gt;Booked, still to come today&lt;/b&gt; — %n</numerusform>
            <numerusform>&lt;b&gt;Booked, still to come today&lt;/b&gt; — %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobSeekerSearchWidget</name>
    <message numerus="yes">
        <location filename="../job_seeker_search_widget.py" line="142"/>
        <source>first %n shown</source>
        <translation>
            <numerusform>first %n shown</numerusform>
            <numerusform>first %n shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../job_seeker_search_widget.py" line="142"/>
        <source>%n found</source>
        <translation>
            <numerusform>%n found</numerusform>
            <numerusform>%n found</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LicenseStep</name>
    <message numerus="yes">
        <location filename="../wizard_license_page.py" line="197"/>
        <source>This device can issue %n more license(s) before it needs to sync.</source>
        <translation>
            <numerusform>This device can issue %n more license before it needs to sync.</numerusform>
            <numerusform>This device can issue %n more licenses before it needs to sync.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message numerus="yes">
        <location filename="../session_lock.py" line="275"/>
        <source>That is not the right PIN or password. Too many tries: wait %n second(s).</source>
        <translation>
            <numerusform>That is not the right PIN or password. Too many tries: wait %n second.</numerusform>
            <numerusform>That is not the right PIN or password. Too many tries: wait %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../session_lock.py" line="277"/>
        <source>Too many wrong tries: wait %n second(s).</source>
        <translation>
            <numerusform>Too many wrong tries: wait %n second.</numerusform>
            <numerusform>Too many wrong tries: wait %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecommendationsStep</name>
    <message numerus="yes">
        <location filename="../wizard_recommendations_page.py" line="83"/>
        <source>&amp;Next: make the plan (%n chosen)</source>
        <translation>
            <numerusform>&amp;Next: make the plan (%n chosen)</numerusform>
            <numerusform>&amp;Next: make the plan (%n chosen)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RetentionAction</name>
    <message numerus="yes">
        <location filename="../retention_dialog.py" line="68"/>
        <source>Removed the personal data of %n job seeker(s) from this computer.</source>
        <translation>
            <numerusform>Removed the personal data of %n job seeker from this computer.</numerusform>
            <numerusform>Removed the personal data of %n job seekers from this computer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message numerus="yes">
        <location filename="../sync_page.py" line="408"/>
        <source>%n change(s) will be sent again now.</source>
        <translation>
            <numerusform>%n change will be sent again now.</numerusform>
            <numerusform>%n changes will be sent again now.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message numerus="yes">
        <location filename="../status_bar.py" line="60"/>
        <source>%n record(s) waiting to be sent</source>
        <translation>
            <numerusform>%n record waiting to be sent</numerusform>
            <numerusform>%n records waiting to be sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../status_bar.py" line="63"/>
        <source>⚠ %n need(s) attention</source>
        <translation>
            <numerusform>⚠ %n needs attention</numerusform>
            <numerusform>⚠ %n need attention</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message numerus="yes">
        <location filename="../today_page.py" line="189"/>
        <source>%n appointment(s) did not finish (the app was closed or the computer stopped). Everything typed was saved: select one and press Resume.</source>
        <translation>
            <numerusform>%n appointment did not finish (the app was closed or the computer stopped). Everything typed was saved: select one and press Resume.</numerusform>
            <numerusform>%n appointments did not finish (the app was closed or the computer stopped). Everything typed was saved: select one and press Resume.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n appointment(s) paused. Everything typed was saved: select one and press Resume.</source>
        <translation>
            <numerusform>%n appointment paused. Everything typed was saved: select it and press Resume.</numerusform>
            <numerusform>%n appointments paused. Everything typed was saved: select one and press Resume.</numerusform>
        </translation>
    </message>
</context>
</TS>
