"""Build the synthetic sample exports in this folder (deterministic, standard library only).

Run `python corpora/exports/make_samples.py` to rebuild. Every person, handle and number here is
fictional: phone numbers come from Ofcom's drama ranges (07700 900xxx, 01632 960xxx). A few posts
break Birkenhead Sixth Form College's social media policy on purpose, so a demo report has
something to show (a phone number, a shared password, profanity, a staff post naming the college
without a disclaimer, an abusive received message, an allegation about a named teacher).
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import zipfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
FIXED_TIME = (2024, 6, 1, 12, 0, 0)  # zip member times, so rebuilt archives are byte-identical

OWNER_ID = "1500000000000000001"
OWNER = "BSFC_Official"
PARENT_ID = "2900000000000000002"


# ---------------------------------------------------------------- helpers


def write_zip(path: Path, members: dict[str, str | bytes]) -> None:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(members):
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            data = members[name]
            archive.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="")


def ytd(name: str, value: Any) -> str:
    """An X archive data file: `window.YTD.<name>.part0 = [...]`."""
    return f"window.YTD.{name}.part0 = " + json.dumps(value, indent=2, ensure_ascii=False)


def meta_json(value: Any) -> str:
    """JSON as Meta writes it: UTF-8 bytes escaped one by one as \\u00XX (mojibake)."""

    def mangle(v: Any) -> Any:
        if isinstance(v, str):
            return v.encode("utf-8").decode("latin-1")
        if isinstance(v, list):
            return [mangle(x) for x in v]
        if isinstance(v, dict):
            return {mangle(k): mangle(x) for k, x in v.items()}
        return v

    return json.dumps(mangle(value), indent=2, ensure_ascii=True)


def csv_text(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


# ---------------------------------------------------------------- X / Twitter


def tweet(
    id_: str,
    when: str,
    text: str,
    urls: tuple[tuple[str, str], ...] = (),
    reply_to: tuple[str, str, str] | None = None,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id_str": id_,
        "id": id_,
        "created_at": when,
        "full_text": text,
        "lang": "en",
        "entities": {
            "hashtags": [],
            "user_mentions": [],
            "urls": [
                {"url": short, "expanded_url": long, "display_url": long.split("//", 1)[1]}
                for short, long in urls
            ],
        },
    }
    if reply_to:
        status, user_id, screen_name = reply_to
        body["in_reply_to_status_id_str"] = status
        body["in_reply_to_user_id_str"] = user_id
        body["in_reply_to_screen_name"] = screen_name
    return {"tweet": body}


SHOWCASE = (
    "Big thank you to everyone who came to our Creative Arts Showcase last night. Our students "
    "performed, exhibited and directed an evening to remember, and the Year 13 fashion show "
    "brought the house down. Special mention to the music tech team who ran the sound desk all "
    "night without a single hitch. Photos are going up on our website this week, and the "
    "drama department's recording will be shared with families soon. We could not be prouder "
    "of what our students achieved this term."
)


def make_x_archive() -> None:
    part0 = [
        tweet(
            "1700000000000000101",
            "Mon Oct 14 08:30:00 +0000 2024",
            "Open Evening is on Thursday 14 November, 5-8pm. Come and meet our tutors &amp; "
            "students! Book your place: https://t.co/OpEn2024",
            urls=(("https://t.co/OpEn2024", "https://www.bsfc.ac.uk/open-evening"),),
        ),
        tweet(
            "1700000000000000102",
            "Thu Aug 15 07:00:00 +0000 2024",
            "A Level results day! Doors open at 8am &gt; collect your envelope from the main "
            "hall. So proud of every one of you &lt;3",
        ),
        tweet(
            "1700000000000000103",
            "Fri Aug 16 10:12:00 +0000 2024",
            "@wirral_parent Thanks for asking! Yes, there is parking on site for Open Evening.",
            reply_to=("1700000000000000099", "3100000000000000003", "wirral_parent"),
        ),
        tweet(
            "1700000000000000104",
            "Sat Mar 09 17:45:00 +0000 2024",
            "RT @WirralSchoolSport: BSFC netball team killed it at the county final today! "
            "What a performance from the whole squad \U0001f3c6",
        ),
        tweet(
            "1700000000000000105",
            "Fri Jul 05 09:00:02 +0000 2024",
            SHOWCASE[:250] + "\u2026 https://t.co/ShOw5",
            urls=(("https://t.co/ShOw5", "https://x.com/i/web/status/1700000000000000105"),),
        ),
        tweet(
            "1700000000000000106",
            "Mon Sep 02 07:55:00 +0000 2024",
            "Staff reminder for INSET day: the wifi password is Sunflower2024, please don't "
            "share it with visitors.",
        ),
    ]
    part1 = [
        tweet(
            "1700000000000000107",
            "Mon Nov 04 16:00:00 +0000 2024",
            "Fixtures this week: football v Calday Grange on Wednesday at 3pm, rugby on "
            "Saturday at 10am. Come and support! #BSFCSport",
        ),
        tweet(
            "1700000000000000108",
            "Tue Nov 05 12:30:00 +0000 2024",
            "Lost property: a phone was handed in at reception. Owner can text Jess on "
            "07700 900462 to collect it.",
        ),
        tweet(
            "1700000000000000109",
            "Wed Nov 06 18:20:00 +0000 2024",
            "Congratulations to our Year 13 debaters, who absolutely killed it at the debate "
            "final in Liverpool tonight!",
        ),
    ]
    deleted = [
        tweet(
            "1700000000000000110",
            "Thu Nov 07 08:05:00 +0000 2024",
            "What a shit show the car park was this morning. Sort it out!",
        )
    ]
    deleted[0]["tweet"]["deleted_at"] = "Thu Nov 07 08:20:00 +0000 2024"
    notes = [
        {
            "noteTweet": {
                "noteTweetId": "1800000000000000105",
                "createdAt": "2024-07-05T09:00:00.000Z",
                "updatedAt": "2024-07-05T09:00:00.000Z",
                "core": {"text": SHOWCASE, "urls": [], "mentions": [], "hashtags": []},
            }
        }
    ]
    dms = [
        {
            "dmConversation": {
                "conversationId": f"{OWNER_ID}-{PARENT_ID}",
                "messages": [
                    {
                        "messageCreate": {
                            "id": "1900000000000000201",
                            "senderId": PARENT_ID,
                            "recipientId": OWNER_ID,
                            "text": "Is the open evening OK for Year 10s &amp; their parents?",
                            "createdAt": "2024-10-20T18:01:00.000Z",
                            "urls": [],
                        }
                    },
                    {
                        "messageCreate": {
                            "id": "1900000000000000202",
                            "senderId": OWNER_ID,
                            "recipientId": PARENT_ID,
                            "text": "Yes, everyone is welcome! Details: https://t.co/DmLink1",
                            "createdAt": "2024-10-21T09:15:00.000Z",
                            "urls": [
                                {
                                    "url": "https://t.co/DmLink1",
                                    "expanded": "https://www.bsfc.ac.uk/open-evening",
                                    "display": "bsfc.ac.uk/open-evening",
                                }
                            ],
                        }
                    },
                ],
            }
        },
        {
            "dmConversation": {
                "conversationId": f"{OWNER_ID}-4400000000000000004",
                "messages": [
                    {
                        "messageCreate": {
                            "id": "1900000000000000203",
                            "senderId": "4400000000000000004",
                            "recipientId": OWNER_ID,
                            "text": "Your useless teachers are a joke. Sack the lot of them or "
                            "I'll be waiting outside the gates for them.",
                            "createdAt": "2024-11-08T22:40:00.000Z",
                            "urls": [],
                        }
                    }
                ],
            }
        },
    ]
    account = [
        {
            "account": {
                "accountId": OWNER_ID,
                "username": OWNER,
                "accountDisplayName": "Birkenhead Sixth Form College",
                "createdAt": "2012-01-09T10:00:00.000Z",
            }
        }
    ]
    manifest = {
        "userInfo": {"accountId": OWNER_ID, "userName": OWNER, "displayName": "BSFC"},
        "archiveInfo": {"sizeBytes": "20480", "generationDate": "2024-11-10T00:00:00.000Z"},
        "dataTypes": {
            "tweets": {
                "files": [
                    {"fileName": "data/tweets.js", "globalName": "YTD.tweets.part0", "count": "6"},
                    {
                        "fileName": "data/tweets-part1.js",
                        "globalName": "YTD.tweets.part1",
                        "count": "3",
                    },
                ]
            },
            "account": {"files": [{"fileName": "data/account.js", "count": "1"}]},
        },
    }
    write_zip(
        HERE / "x-archive.zip",
        {
            "Your archive.html": "<html><body>Your X archive (synthetic sample)</body></html>",
            "data/manifest.js": "window.__THAR_CONFIG = " + json.dumps(manifest, indent=2),
            "data/account.js": ytd("account", account),
            "data/tweets.js": ytd("tweets", part0),
            "data/tweets-part1.js": ytd("tweets", part1).replace("part0", "part1", 1),
            "data/deleted-tweets.js": ytd("deleted_tweets", deleted),
            "data/note-tweet.js": ytd("note_tweet", notes),
            "data/direct-messages.js": ytd("direct_messages", dms),
        },
    )


# ---------------------------------------------------------------- Facebook


def fb_post(ts: int, text: str | None, title: str, **extra: Any) -> dict[str, Any]:
    data: list[dict[str, Any]] = [{"update_timestamp": ts}]
    if text:
        data.insert(0, {"post": text})
    return {"timestamp": ts, "data": data, "title": title, **extra}


def fb_comment(ts: int, text: str, title: str, group: str | None = None) -> dict[str, Any]:
    comment: dict[str, Any] = {
        "timestamp": ts,
        "comment": text,
        "author": "Birkenhead Sixth Form College",
    }
    if group:
        comment["group"] = group
    return {"timestamp": ts, "data": [{"comment": comment}], "title": title}


def make_facebook() -> None:
    root = HERE / "facebook"
    shutil.rmtree(root, ignore_errors=True)
    title = "Birkenhead Sixth Form College updated their status."
    posts = [
        fb_post(
            1725282000,
            "Our new café opens in the Learning Resource Centre on Monday \u2615 "
            "Pain au chocolat, smoothies and a quiet place to revise.",
            title,
        ),
        fb_post(
            1726128000,
            "Congratulations to our debate team, who killed it at the debate "
            "final in Liverpool! Next stop: the national round \U0001f389",
            title,
        ),
        fb_post(
            1726560000,
            None,
            "Birkenhead Sixth Form College added 3 new photos.",
            attachments=[
                {
                    "data": [
                        {
                            "media": {
                                "uri": "photos/induction1.jpg",
                                "creation_timestamp": 1726560000,
                                "description": "Year 12 induction day: welcome to BSFC! \U0001f4f8",
                            }
                        }
                    ]
                }
            ],
        ),
        fb_post(
            1727000000,
            "Applications for September 2025 are now open. Apply online:",
            title,
            attachments=[{"data": [{"external_context": {"url": "https://www.bsfc.ac.uk/apply"}}]}],
        ),
        fb_post(
            1727600000,
            "Enrolment queries? Ring our admissions line on 01632 960218 (Mon–Fri, 9am–4pm).",
            title,
        ),
        fb_post(
            1728000000,
            "Well done to Zoë and the Year 13 chemists on their Salters' "
            "Festival medal! Naïve question from us: is there anything you can't do?",
            title,
        ),
    ]
    comments = {
        "comments_v2": [
            fb_comment(
                1726130000,
                "Thank you all for the lovely messages, we're so proud of them!",
                "Birkenhead Sixth Form College commented on their own post.",
            ),
            fb_comment(
                1727100000,
                "Yes, the café is open to visitors at Open Evening too \u2615",
                "Birkenhead Sixth Form College replied to a comment.",
            ),
        ]
    }
    groups = {
        "group_comments_v2": [
            fb_comment(
                1728100000,
                "Thanks for sharing! Our sports hall is available for hire at weekends.",
                "Birkenhead Sixth Form College commented on a post.",
                group="Wirral Community Noticeboard",
            ),
        ]
    }
    activity = root / "your_facebook_activity"
    write(activity / "posts" / "your_posts__check_ins__photos_and_videos_1.json", meta_json(posts))
    write(activity / "comments_and_reactions" / "comments.json", meta_json(comments))
    write(activity / "groups" / "your_comments_in_groups.json", meta_json(groups))
    write(
        root / "personal_information" / "profile_information" / "profile_information.json",
        meta_json({"profile_v2": {"name": {"full_name": "Birkenhead Sixth Form College"}}}),
    )

    old_posts = [
        fb_post(
            1609502400,
            "Happy New Year from everyone at BSFC! Term starts on 5 January.",
            "Birkenhead Sixth Form College updated their status.",
        ),
        fb_post(
            1610000000,
            "Remote learning timetables are on the student portal. Any "
            "problems, message your tutor – we're here to help.",
            "Birkenhead Sixth Form College",
        ),
    ]
    old_comments = {
        "comments_v2": [
            fb_comment(
                1610100000,
                "Fingers crossed for the café reopening soon!",
                "Birkenhead Sixth Form College commented.",
            )
        ]
    }
    write_zip(
        HERE / "facebook-old.zip",
        {
            "facebook-bsfc/posts/your_posts_1.json": meta_json(old_posts),
            "facebook-bsfc/comments/comments.json": meta_json(old_comments),
            "facebook-bsfc/profile_information/profile_information.json": meta_json(
                {"profile": {"name": {"full_name": "Birkenhead Sixth Form College"}}}
            ),
        },
    )


# ---------------------------------------------------------------- Instagram and Threads


def ig_media(uri: str, ts: int, title: str = "") -> dict[str, Any]:
    return {"uri": uri, "creation_timestamp": ts, "title": title, "media_metadata": {}}


def make_instagram() -> None:
    root = HERE / "instagram"
    shutil.rmtree(root, ignore_errors=True)
    activity = root / "your_instagram_activity"
    posts = [
        {
            "media": [
                ig_media(
                    "media/posts/202409/a.jpg",
                    1725800000,
                    "First day of term at BSFC \u2600\ufe0f Welcome, Year 12s!",
                )
            ]
        },
        {
            "media": [
                ig_media("media/posts/202410/b1.jpg", 1728900000),
                ig_media("media/posts/202410/b2.jpg", 1728900000),
            ],
            "title": "Art & Design exhibition opening night \U0001f3a8 Swipe to see the work "
            "of our talented students – café open until 8pm.",
            "creation_timestamp": 1728900000,
        },
        {
            "media": [
                ig_media(
                    "media/posts/202411/c.jpg",
                    1730800000,
                    "Results day vibes: our students absolutely killed it \U0001f4af",
                )
            ]
        },
    ]
    reels = {
        "ig_reels_media": [
            {
                "media": [
                    ig_media(
                        "media/reels/202410/r.mp4",
                        1729000000,
                        "60 seconds at Open Evening \U0001f3ac #BSFC",
                    )
                ]
            }
        ]
    }
    stories = {
        "ig_stories": [
            ig_media(
                "media/stories/202411/s.jpg",
                1731000000,
                "Netball fixture today at 4pm, come and cheer!",
            )
        ]
    }
    comments_en = [
        {
            "string_map_data": {
                "Comment": {"value": "Brilliant work, everyone! \U0001f44f"},
                "Media Owner": {"value": "wirralartsfest"},
                "Time": {"timestamp": 1729100000},
            }
        },
        {
            "string_map_data": {
                "Comment": {"value": "See you at the fixture on Saturday!"},
                "Media Owner": {"value": "calday_sport_fictional"},
                "Time": {"timestamp": 1730100000},
            }
        },
    ]
    comments_nl = [  # an export made with the account's language set to Dutch
        {
            "string_map_data": {
                "Opmerking": {"value": "Bedankt voor het bezoek aan ons café!"},
                "Eigenaar media": {"value": "exchange_school_utrecht"},
                "Tijd": {"timestamp": 1730500000},
            }
        },
    ]
    threads = {
        "text_post_app_text_posts": [
            {
                "media": [
                    {
                        "uri": "",
                        "creation_timestamp": 1731100000,
                        "title": "Reminder: the library café is open until 6pm during mock exams.",
                    }
                ],
                "title": "Reminder: the library café is open until 6pm during mock exams.",
                "creation_timestamp": 1731100000,
            },
            {
                "media": [
                    {
                        "uri": "",
                        "creation_timestamp": 1731200000,
                        "title": "Who's coming to the Christmas concert? \U0001f3b6",
                    }
                ],
                "creation_timestamp": 1731200000,
            },
        ]
    }
    write(activity / "media" / "posts_1.json", meta_json(posts))
    write(activity / "media" / "reels.json", meta_json(reels))
    write(activity / "media" / "stories.json", meta_json(stories))
    write(activity / "comments" / "post_comments_1.json", meta_json(comments_en))
    write(activity / "comments" / "post_comments_2.json", meta_json(comments_nl))
    write(activity / "threads" / "threads_and_replies.json", meta_json(threads))

    old_posts = [
        {
            "media": [
                ig_media(
                    "media/posts/202101/old.jpg",
                    1610000000,
                    "Throwback to sports day 2019 \U0001f3c3",
                )
            ]
        }
    ]
    old_comments = {
        "comments_media_comments": [
            {
                "title": "wirral_youth_theatre_fictional",
                "string_list_data": [
                    {"value": "Break a leg tonight! \U0001f3ad", "timestamp": 1610500000}
                ],
            }
        ]
    }
    write_zip(
        HERE / "instagram-old.zip",
        {
            "content/posts_1.json": meta_json(old_posts),
            "comments/post_comments.json": meta_json(old_comments),
        },
    )


# ---------------------------------------------------------------- LinkedIn


def linkedin_commentary(text: str) -> str:
    """How LinkedIn stores a multi-line post: each line quoted, quotes doubled."""
    return '"' + '"\n"'.join(line.replace('"', '""') for line in text.split("\n")) + '"'


def make_linkedin() -> None:
    root = HERE / "linkedin"
    shutil.rmtree(root, ignore_errors=True)
    shares = [
        (
            "2024-08-15 09:00:00",
            "7230000000000000001",
            "Delighted that 98% of our A Level students passed this summer.\nWell done, "
            '"Class of 2024"!',
        ),
        (
            "2024-09-10 12:30:00",
            "7240000000000000002",
            "We're hiring! Birkenhead Sixth Form College is looking for a Teacher of Psychology.",
        ),
        (
            "2024-10-01 08:45:00",
            "7250000000000000003",
            "Proud to host the Wirral Careers Fair this week: 40 employers, 600 students.",
        ),
        (
            "2024-10-20 17:10:00",
            "7260000000000000004",
            "Our IT team will never ask for your login details. If in doubt, call the "
            "helpdesk on 01632 960555.",
        ),
        ("2024-11-02 10:00:00", "7270000000000000005", "NULL"),
    ]
    rows = [["Date", "ShareLink", "ShareCommentary", "SharedUrl", "MediaUrl", "Visibility"]]
    for date, urn, text in shares:
        rows.append(
            [
                date,
                f"https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A{urn}",
                linkedin_commentary(text),
                "",
                "",
                "MEMBER_NETWORK",
            ]
        )
    write(root / "Shares.csv", csv_text(rows))
    comments = (
        "Date,Link,Message\n"
        "2024-09-12 11:00:00,https://www.linkedin.com/feed/update/urn:li:activity:7241000000000000001,"
        '"Great to see \\"BSFC\\" alumni doing so well at university!"\n'
        "2024-10-05 14:20:00,https://www.linkedin.com/feed/update/urn:li:activity:7251000000000000002,"
        '"Thank you for having our students, they loved it."\n'
        "2024-10-06 09:00:00,https://www.linkedin.com/feed/update/urn:li:activity:7252000000000000003,"
        "NA\n"
    )
    write(root / "Comments.csv", comments)
    write(
        root / "Profile.csv",
        csv_text(
            [
                ["First Name", "Last Name", "Headline"],
                ["BSFC", "Careers", "Careers team (synthetic sample)"],
            ]
        ),
    )


# ---------------------------------------------------------------- YouTube


def make_youtube() -> None:
    root = HERE / "youtube"
    shutil.rmtree(root, ignore_errors=True)
    old = json.dumps(
        {
            "takeoutSegments": [
                {"text": "Fantastic performance from our "},
                {"text": "music students"},
                {"text": "! \U0001f3b6"},
            ]
        }
    )
    new = ",".join(
        json.dumps(s)
        for s in (
            {"text": "Thanks for watching! Full details at "},
            {"text": "bsfc.ac.uk/open-evening"},
            {"text": " \U0001f44b"},
        )
    )
    rows = [
        [
            "Comment ID",
            "Channel ID",
            "Comment Create Timestamp",
            "Price",
            "Parent Comment ID",
            "Video ID",
            "Comment Text",
        ],
        [
            "UgxAAAAAAAAAAAAAAAAA4AaABAg",
            "UCbsfcFictionalChannel0001",
            "2024-03-10T19:00:00.123+00:00",
            "",
            "",
            "vid000open1",
            old,
        ],
        [
            "UgxBBBBBBBBBBBBBBBBB4AaABAg",
            "UCbsfcFictionalChannel0001",
            "2024-10-15T08:00:00+00:00",
            "",
            "",
            "vid000open2",
            new,
        ],
        [
            "UgxCCCCCCCCCCCCCCCCC4AaABAg.9zReplyId01",
            "UCbsfcFictionalChannel0001",
            "2024-10-16T12:00:00+00:00",
            "",
            "UgxCCCCCCCCCCCCCCCCC4AaABAg",
            "vid000open2",
            json.dumps({"text": "Yes, parking is free on the night."}),
        ],
        [
            "UgxDDDDDDDDDDDDDDDDD4AaABAg",
            "UCbsfcFictionalChannel0001",
            "2024-11-01T21:30:00+00:00",
            "",
            "",
            "vid000debate",
            json.dumps(
                {
                    "text": "Our debaters killed it, the other team "
                    "didn't stand a damn chance \U0001f602"
                }
            ),
        ],
    ]
    write(
        root / "Takeout" / "YouTube and YouTube Music" / "comments" / "comments.csv", csv_text(rows)
    )
    write(
        root / "Takeout" / "archive_browser.html", "<html><body>Takeout (synthetic)</body></html>"
    )


# ---------------------------------------------------------------- TikTok


def make_tiktok() -> None:
    root = HERE / "tiktok"
    shutil.rmtree(root, ignore_errors=True)
    data = {
        "Profile": {"Profile Info": {"ProfileMap": {"userName": "bsfc_official_fictional"}}},
        "Post": {
            "Posts": {
                "VideoList": [
                    {
                        "Date": "2024-02-01 15:00:00",
                        "Link": "https://www.tiktokv.com/share/video/7330000000000000001/",
                        "Likes": "120",
                        "Title": "Day in the life of a BSFC art student \U0001f3a8 #sixthform",
                    },
                    {
                        "Date": "2024-03-15 16:30:00",
                        "Link": "https://www.tiktokv.com/share/video/7340000000000000002/",
                        "Likes": "87",
                        "Title": "When the wifi password is Sunflower2024 and everyone knows it",
                    },
                    {
                        "Date": "2024-05-20 13:00:00",
                        "Link": "https://www.tiktokv.com/share/video/7370000000000000003/",
                        "Likes": "301",
                        "Title": "Revision tips from our Year 13s \U0001f4da",
                    },
                ]
            }
        },
        "Comment": {
            "Comments": {
                "CommentsList": [
                    {
                        "date": "2024-02-03 12:00:00",
                        "comment": "Thanks for watching! Open Evening details are in our bio",
                        "photo": "N/A",
                        "url": "",
                    },
                    {
                        "date": "2024-03-16 09:10:00",
                        "comment": "Good luck with your exams, you've got this!",
                        "photo": "N/A",
                        "url": "",
                    },
                ]
            }
        },
    }
    write(root / "user_data_tiktok.json", json.dumps(data, indent=2, ensure_ascii=False))


# ---------------------------------------------------------------- generic inputs


def make_generic() -> None:
    drafts = [
        ["date", "time_24hr", "message_text", "link", "network"],
        [
            "2024-11-12",
            "09:00",
            "Open Evening is this Thursday! Book now.",
            "https://www.bsfc.ac.uk/open-evening",
            "facebook",
        ],
        [
            "2024-11-13",
            "12:00",
            "Meet our Head of Sixth Form, Mrs Priya Fenwick, at Open Evening.",
            "",
            "x",
        ],
        [
            "2024-11-14",
            "17:00",
            "Doors open now! Any problems finding us, ring 07700 900815.",
            "",
            "x",
        ],
        [
            "2024-11-15",
            "10:00",
            "Bloody brilliant turnout last night, thank you all!",
            "",
            "instagram",
        ],
        [
            "2024-11-18",
            "08:30",
            "Mock exam timetable is now on the student portal.",
            "",
            "facebook",
        ],
    ]
    write(HERE / "drafts.csv", csv_text(drafts))
    lines: list[dict[str, Any]] = [
        {
            "id": "jsonl-1",
            "text": "Good luck to all our students sitting exams this week!",
            "account": "official",
            "platform": "x",
            "created_at": "2024-05-13T08:00:00+00:00",
        },
        {
            "id": "jsonl-2",
            "text": "Another long day marking mocks at Birkenhead Sixth Form "
            "College. Management here haven't got a clue.",
            "account": "personal",
            "author_role": "staff",
            "platform": "facebook",
            "bio": "Teacher. Dad. Tranmere fan.",
        },
        {
            "id": "jsonl-3",
            "text": "Proud of my Year 13 chemists at BSFC today.",
            "account": "personal",
            "author_role": "staff",
            "platform": "x",
            "bio": "Chemistry teacher at BSFC. Views are my own.",
        },
        {
            "id": "jsonl-4",
            "text": "You're a pathetic excuse for a teacher and everyone hates you",
            "account": "personal",
            "direction": "received",
            "platform": "instagram",
            "author_role": "student",
        },
        {
            "id": "jsonl-5",
            "text": "Everyone knows Mr Daniel Hartley in the science department "
            "has been stealing from the school trip fund.",
            "account": "official",
            "direction": "received",
            "platform": "facebook",
        },
        {
            "id": "jsonl-6",
            "text": "Any questions about your coursework, text me on 07700 900123",
            "account": "personal",
            "author_role": "staff",
            "platform": "instagram",
        },
        {
            "id": "jsonl-7",
            "text": "Sports day is moved to Friday because of the weather forecast.",
            "campaign": "sports-day-2024",
        },
    ]
    write(
        HERE / "posts.jsonl", "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
    )
    write(
        HERE / "newsletter-draft.txt",
        "Dear families,\nthis term our students have raised £2,400 for local charities.\n\n"
        "Our Open Evening is on 14 November. Everyone is welcome.\n",
    )


def main() -> None:
    make_x_archive()
    make_facebook()
    make_instagram()
    make_linkedin()
    make_youtube()
    make_tiktok()
    make_generic()


if __name__ == "__main__":
    main()
