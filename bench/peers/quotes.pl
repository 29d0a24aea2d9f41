# Full-chain peer, step 3 of 3 (perl -00 -p, paragraph mode, on bytes): a stray-quote fix.
# In a paragraph with an odd number of straight double quotes the last one goes; with more
# curly openers than closers the last opener goes, with more closers the first closer.
# (Much simpler than `quotes strip-stray`: no apostrophes, primes, guillemets or
# quotations over several paragraphs.)
my $straight = () = /"/g;
if ($straight % 2) { s/(.*)"/$1/s }
my $open = () = /\xe2\x80\x9c/g;
my $close = () = /\xe2\x80\x9d/g;
if ($open > $close) { s/(.*)\xe2\x80\x9c/$1/s }
elsif ($close > $open) { s/\xe2\x80\x9d// }
s/^ +| +$//mg if $straight % 2 || $open != $close;
