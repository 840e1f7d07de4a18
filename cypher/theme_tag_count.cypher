// How many theme tags (ABOUT_THEME relationships) the graph holds; it changes when statements are
// re-tagged.
MATCH ()-[a:ABOUT_THEME]->()
RETURN count(a) AS theme_tags
