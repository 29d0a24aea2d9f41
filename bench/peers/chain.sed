# Full-chain peer, step 1 of 3 (GNU sed -E, run under LC_ALL=C): the drops and the
# trailing-space replacement of Rules/default.rules, simplified to POSIX ERE. Seven of the
# default rules' ~40 drops, the kinds a scraper most often leaves.
# ad-label
/^[[:blank:]]*(advertisement|advertisment|advert|ads?|sponsored([[:blank:]]+content)?|anzeige|werbung)[[:blank:]]*([-:|][[:blank:]]*(scroll([[:blank:]]+down)?[[:blank:]]+to[[:blank:]]+continue([[:blank:]]+reading)?|continue[[:blank:]]+reading))?[[:blank:]]*[.:]?[[:blank:]]*$/Id
# read-also
/^[[:blank:]]*(read|see)[[:blank:]]+(also|more)[[:blank:]]*([|:>]|-[[:blank:]]|$)/Id
# related
/^[[:blank:]]*(also[[:blank:]]+(read|see)|related([[:blank:]]+(articles?|stories|coverage|content|links?|news))?|more[[:blank:]]+(stories|articles|news)|trending([[:blank:]]+now)?|most[[:blank:]]+(popular|read|viewed))[[:blank:]]*([|:>]|-+|$)/Id
# share-widget
/^[[:blank:]]*((share|shares|tweet|email|print|facebook|twitter|linkedin|whatsapp|pinterest|reddit|comments?|[0-9]+)[[:blank:]]*[:|,]?[[:blank:]]*){1,8}$/Id
# subscribe-prompt
/^[[:blank:]]*(subscribe|sign[[:blank:]]+up|sign[[:blank:]]+in|log[[:blank:]]+in|register|newsletter|already[[:blank:]]+a[[:blank:]]+subscriber\??)[[:blank:]]*[.!:]?[[:blank:]]*$/Id
# copyright
/^[[:blank:]]*((©|\(c\)|copyright[[:blank:]]*(©|[0-9]{4}))[[:blank:]]*.{0,80}|all[[:blank:]]+rights[[:blank:]]+reserved\.?)[[:blank:]]*$/Id
# bare-url
\%^[[:blank:]]*(https?://|www\.)[^[:space:]]+[[:blank:]]*$%Id
# trailing-space
s/[[:blank:]]+$//
