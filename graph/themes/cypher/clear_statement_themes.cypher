MATCH (:Statement)-[a:ABOUT_THEME]->(:Theme)
DELETE a
