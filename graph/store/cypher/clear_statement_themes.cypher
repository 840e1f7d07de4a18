// Remove the theme links of the statements in $ids (a re-tag writes their new ones next).
UNWIND $ids AS id
MATCH (:Statement {id: id})-[a:ABOUT_THEME]->(:Theme)
DELETE a
