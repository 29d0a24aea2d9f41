# Full-chain peer, step 2 of 3 (any POSIX awk; mawk here): paragraph mode. Drops a paragraph
# whose normalized text (lower case, digits as 0, punctuation removed, white space
# collapsed) of 20 characters or more was seen earlier in the document, and prints the
# paragraphs one blank line apart: repeated paragraphs and blank-line squeezing. A
# paragraph that is only the document separator (`=== … ===`) starts a new document.
# Keeps the normalized text of every paragraph (awk has no hash function).
BEGIN { RS = "" }
{
    if ($0 ~ /^=== .* ===$/) {
        for (k in seen) delete seen[k]
    } else {
        key = tolower($0)
        gsub(/[0-9]/, "0", key)
        gsub(/[^a-z0-9 \t\n\200-\377]/, "", key)
        gsub(/[ \t\n]+/, " ", key)
        if (length(key) >= 20) {
            if (key in seen) next
            seen[key] = 1
        }
    }
    printf "%s%s", sep, $0
    sep = "\n\n"
}
END { if (sep != "") printf "\n" }
