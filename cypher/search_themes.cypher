// Search the themes by id, label or description (case-insensitive), with how many statements
// raise each.
// @param text string: the words to look for, e.g. database
MATCH (t:Theme)
WHERE toLower(t.id) CONTAINS toLower($text) OR toLower(coalesce(t.label, '')) CONTAINS toLower($text)
   OR toLower(coalesce(t.description, '')) CONTAINS toLower($text)
OPTIONAL MATCH (t)<-[:ABOUT_THEME]-(s:Statement)
RETURN t.id AS theme, coalesce(t.label, t.id) AS label, t.description AS description,
       count(s) AS statements
ORDER BY statements DESC, label
