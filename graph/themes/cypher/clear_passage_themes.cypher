MATCH (:Passage)-[a:ABOUT_THEME]->(:Theme)
DELETE a
