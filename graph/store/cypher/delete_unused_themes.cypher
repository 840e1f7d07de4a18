// Themes no longer in the taxonomy and no longer tagged anywhere.
MATCH (t:Theme)
WHERE NOT t.id IN $keep AND NOT (t)<-[:ABOUT_THEME]-()
DELETE t
