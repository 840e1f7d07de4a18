// Remove the theme links of the passages in $ids (a re-tag writes their new ones next).
UNWIND $ids AS id
MATCH (:Passage {id: id})-[a:ABOUT_THEME]->(:Theme)
DELETE a
