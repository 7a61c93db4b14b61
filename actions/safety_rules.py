"""The rules layer of the safety check (issue 16): clear phrases, per category.

Text is normalised first (lower case, no apostrophes, common text-speak spelled out), then
figures of speech are taken out ("these fines are killing me", "dying to know", "a nightmare"),
so neither layer sees them. A rule names its category; the first category in CATEGORIES whose
rules match wins, so a knife at the door is "immediate danger" before anything else.
"""

from __future__ import annotations

import re

CATEGORIES = (
    "immediate_danger",
    "suicide_self_harm",
    "child_exploitation",
    "child_abuse",
    "domestic_abuse",
    "adult_at_risk",
)
# The order rules are tried in: specific before general (an adult's carer before "hits me").
_ORDER = (
    "immediate_danger",
    "suicide_self_harm",
    "child_exploitation",
    "child_abuse",
    "adult_at_risk",
    "domestic_abuse",
)

# Text-speak and common misspellings, word for word (after apostrophes are dropped).
_WORDS = {
    "u": "you",
    "ur": "your",
    "r": "are",
    "rn": "right now",
    "n": "and",
    "nd": "and",
    "wiv": "with",
    "wid": "with",
    "w": "with",
    "sum1": "someone",
    "some1": "someone",
    "any1": "anyone",
    "no1": "no one",
    "every1": "everyone",
    "bf": "boyfriend",
    "gf": "girlfriend",
    "bfs": "boyfriends",
    "kms": "kill myself",
    "kmsl": "kill myself",
    "wanna": "want to",
    "gonna": "going to",
    "gna": "going to",
    "tryna": "trying to",
    "finna": "going to",
    "gotta": "got to",
    "ima": "im going to",
    "imma": "im going to",
    "nite": "night",
    "2nite": "tonight",
    "tonite": "tonight",
    "2day": "today",
    "2moro": "tomorrow",
    "wen": "when",
    "wenever": "whenever",
    "cos": "because",
    "coz": "because",
    "cuz": "because",
    "bc": "because",
    "pic": "picture",
    "pics": "pictures",
    "piccies": "pictures",
    "snap": "snapchat",
    "insta": "instagram",
    "yr": "year",
    "yrs": "years",
    "yo": "year old",
    "y/o": "year old",
    "dnt": "dont",
    "cnt": "cant",
    "aint": "isnt",
    "b": "be",
    "ppl": "people",
    "pple": "people",
    "mam": "mum",
    "mom": "mum",
    "ma": "my",
    "mi": "my",
    "tha": "the",
    "dat": "that",
    "dis": "this",
    "dem": "them",
    "wot": "what",
    "wat": "what",
    "tho": "though",
    "hes": "he is",
    "shes": "she is",
    "its": "it is",
    "im": "i am",
    "ive": "i have",
    "thats": "that is",
    "theres": "there is",
    "theyre": "they are",
    "theyll": "they will",
    "youll": "you will",
    "itll": "it will",
    "youre": "you are",
    "whats": "what is",
    "dayz": "days",
    "hitz": "hits",
    "bein": "being",
    "hittin": "hitting",
    "killin": "killing",
    "cuttin": "cutting",
    "thinkin": "thinking",
    "doin": "doing",
    "goin": "going",
    "askin": "asking",
    "sendin": "sending",
    "beatin": "beating",
    "hurtin": "hurting",
    "nothin": "nothing",
    "somethin": "something",
    "bout": "about",
    "abt": "about",
    "sis": "sister",
    "bro": "brother",
    "lil": "little",
    "hubby": "husband",
    "husbnd": "husband",
    "partener": "partner",
    "grandad": "granddad",
    "grampa": "granddad",
    "grandpa": "granddad",
    "nana": "nan",
    "nanna": "nan",
    "granny": "gran",
    "grandma": "gran",
    "grandmother": "gran",
    "neighbor": "neighbour",
    "neighbors": "neighbours",
    "disapear": "disappear",
    "dissapear": "disappear",
    "dissappear": "disappear",
    "suicde": "suicide",
    "sucide": "suicide",
    "suiside": "suicide",
    "sucidal": "suicidal",
    "overdoze": "overdose",
    "abusd": "abused",
    "negelcted": "neglected",
    "nakid": "naked",
    "noods": "nudes",
    "nudez": "nudes",
    "knif": "knife",
    "nife": "knife",
    "stabed": "stabbed",
    "anymore": "any more",
    "nomore": "no more",
    "alwys": "always",
    "evry": "every",
    "becuz": "because",
    "becos": "because",
    "plz": "please",
    "pls": "please",
    "hlp": "help",
    "dyin": "dying",
    "unalive": "kill",
    "unalived": "killed",
    "unaliving": "killing",
    "sewerslide": "suicide",
    "suicidle": "suicidal",
    "suicdal": "suicidal",
    "kil": "kill",
    "kild": "killed",
    "od": "overdose",
    "oded": "overdosed",
    "fink": "think",
    "finkin": "thinking",
    "seein": "seeing",
    "lyin": "lying",
}

# Figures of speech, taken out before either layer looks (issue 16: they must not trigger).
_FIGURES = re.compile(
    r"\b("
    r"dying (to|for) \w+|"
    r"(is|are|it is|you are|they are|this is|that is|these \w+ are|the \w+ (is|are)|"
    r"\w+ (fines|prices|bills?|charges|rates|costs|rises?|delays?|noise|traffic|roadworks|"
    r"wait|waiting|queues?)) killing (me|us)( slowly)?|"
    r"killing (me|us) (with|slowly)|(kill|killing|murder) (me|us) with|"
    r"(i could|i would|i will|would|could) (kill|murder) (for )?(a|an|some|for)\b|kill for\b|"
    r"(be )?the death of (me|us)|(sick|bored|scared|frightened) to death (of|with) "
    r"(the|this|these|that|your|waiting|it)\b|sick to death|bored to death|death ?traps?|"
    r"death blow|dead on arrival|dead end|deadlines?|"
    r"(an? |absolute |total |complete |living )?nightmares?|"
    r"(is|was|are|were) (absolute |total )?murder|murder (on|in) (the|my)|"
    r"(gave|give|giving|nearly had|almost had|had) (me )?a heart attack (when|at|over|with|about)|"
    r"gave me a heart attack|(nearly |almost )?died (laughing|of embarrassment|of shame)|"
    r"(phone|battery|laptop|car|tablet|computer|charger|signal|bulb|light|lights|streetlight|"
    r"streetlights|lamp|patience|battery) (is |has |been |just |about to |gone )*(dead|die|died|"
    r"dying)|"
    r"losing the will to live|lose the will to live|(die|dying) of old age|"
    r"over my dead body|shot down|shoot (it|me|us) down|slap in the face|"
    r"bleeding (us |me |them )?(dry|money)|drowning in (paperwork|paper|debt|work|emails|"
    r"letters|forms|bills|red tape)|crash(ed)? and burn(ed|t)?|car crash of|"
    r"hurt my feelings|hurts my feelings|killer whales?|kill(ed)? off|killed (it|the idea)|"
    r"(strangling|strangle|strangled|choking|choke|choked) (small |local )?(the )?"
    r"(businesses|shops|high street|drains|town|economy|trade)|weeds are choking|"
    r"attack(ed|ing|s)? (my|the|our|his|her) (proposal|idea|plan|decision|report|policy|"
    r"motion|budget|application)|bloodbath|daylight robbery|"
    r"(going|go|gone) (crazy|mad|insane)|driving (me|us) (mad|crazy|up the wall)|"
    r"(doing|does|did) my head in|at (my|the) wits end|end of my (tether|rope)|"
    r"could (scream|cry)|i could die|"
    r"(the |this |my )?(complaint|application|parcel|letter|money|charge|fee|bus stop|"
    r"file|form|email|payment|case|bin) (\w+ ){0,3}disappear(ed|s)?|"
    r"(want|make|like) (this|that|it|the \w+) (to )?disappear|"
    r"end (my|the|our) (contract|tenancy|lease|direct debit|subscription|membership|"
    r"agreement|account|booking|call)|"
    r"no point (in )?(complaining|ringing|calling|phoning|emailing|writing|asking|"
    r"having|trying to get)|"
    r"(what is|whats) the point of (having|a|the|this|your) \w+|"
    r"i give up (on|trying)|i am done (with (waiting|this|the|it|chasing|you|your|all)|waiting)|"
    r"(fell|tripped|slipped|fall|trip|slip)\w* (\w+ ){0,6}(and )?(hurt|cut) myself|"
    r"(cut|hurt) myself on (a|the|some)|"
    r"suicide (prevention|awareness|helpline|posters?|funding|training|strategy|leaflets?|"
    r"barriers?|nets?|fences?|signs?|hotline|charity|charities|statistics|rates?)|"
    r"county lines? (bus|route|road|service|train)|"
    r"(cat|dog|pet|parcel|bin|letter|page|cover|manhole cover|payment|report|file|form|key|keys|"
    r"sign|bench|light|streetlight)s? (has |have |went |gone |is |are |been |keeps |"
    r"going )*missing|"
    r"(going to|gonna|will) kill me (for|when (she|he|they) (sees|finds out|hears))\b(?=.*\b("
    r"missing|forgetting|being late|losing|not paying|spending|breaking|the bill|the payment|"
    r"lol|haha))|"
    r"hurt by (the|a|this|that|your|their|his|her) (\w+ )?(decision|school|council|letter|"
    r"comments?|way|refusal|policy|response|reply|words)|"
    r"disappear (off|from) (your|the|this|my|their) (\w+ )?(list|mailing list|records|system|"
    r"database|books)|"
    r"(cut|burnt|burned|hurt|scratched) myself (shaving|cooking|gardening|on (a|the|some|my)|"
    r"at (work|the)|playing|chopping|doing (the|some)|(while|when) (i was )?(\w+ing|i (fell|"
    r"slipped|tripped)))|beat (me|us|him|her|them) to (it|the)\b|"
    r"(boss|manager|teacher|work|line manager|landlord|coach|tutor) (\w+ )?(will|is going to|"
    r"going to|gonna|would|is gonna) (kill|murder) (me|us)|"
    r"(will|going to|gonna|would) (kill|murder) (me|us) (if|when|for) (i|we) (am |are |is |get |"
    r"turn up |arrive |)(\w+ ){0,2}(late|forget|forgot|miss|missed|lose|lost|spend|spent|break|"
    r"scratch|dent|another fine|a fine|a ticket)\b|"
    r"((one day|eventually|sooner or later|before long) )?(someone|somebody|a child|a kid|kids|"
    r"children|people|a pedestrian|a cyclist) (is |are |will )?(going to |gonna )?(get|be) (hurt|"
    r"killed|injured)( one day| eventually| soon| sooner or later| on (it|them|that|this|the)\b)|"
    r"(one day|eventually|sooner or later|before long) (someone|somebody|a child|a kid|kids|"
    r"children|people) (is |are |will )?(going to |gonna )?(get|be) (hurt|killed|injured)|"
    r"(will|going to|gonna) (kill|hurt|injure) (someone|somebody|a child|people|a kid) "
    r"(one day|eventually|soon|sooner or later)|before (someone|somebody|a child) (gets|is) "
    r"(killed|hurt|injured)|accident waiting to happen|"
    r"(cant|cannot|not going to|wont) cope with (the|this|that|all|any|another|these|more)|"
    r"stab(bed|bing|s)? (us|me|them|him|her|residents|everyone) in the back|"
    r"(nerves|patience|brain|head) (are |is |were |was )?(shot|fried|gone)|"
    r"(not safe|unsafe|dont feel safe|do not feel safe|isnt safe|is not safe|arent safe|are not "
    r"safe)( \w+){0,6} (because|as|since|with|when) (of )?(the |a |there is no |theres no |no |"
    r"all the )?(broken |loose |faulty |speeding |dark )?(lock|locks|door|front door|window|"
    r"windows|lights?|lighting|street ?lights?|crossing|road|traffic|cars|lift|stairs|"
    r"stairwell|handrail|path|pavement|glass|ice|potholes?|entry door|cctv|fence|gate|"
    r"scaffolding|damp|mould)\b|"
    r"(die|dying|died) (of|from) (embarrassment|shame|boredom|laughter|laughing|cringe)|"
    r"kill(ing|ed)? (myself|ourselves|themselves|himself|herself) laughing|laugh(ed|ing)? myself "
    r"(to death|silly)|(hurt|hurts|hurting) (my|her|his|their|our|your) (\w+ )?feelings|"
    r"threaten\w* (to )?(take (me|us|them) to court|sue|report (me|us)|evict|fine|prosecute|"
    r"call the police on|take legal action|cut off|stop (my|our))|"
    r"domestic (abuse|violence) survivor|"
    r"(was|there was|there were|had|have been) (an? |some )?overdoses? (in|at|outside|near) (the|"
    r"our|my)|(a |as a )?survivor of (domestic (abuse|violence)|abuse)|"
    r"used to (self ?harm|cut myself|hurt myself)\w* (\w+ ){0,3}(years ago|when i was "
    r"(younger|a teenager|at school)|as a teenager)|"
    r"(fell|tripped|slipped|fall|trip|slip|falling|tripping|slipping)\w* (\w+ ){0,6}(and )?(hurt|"
    r"cut|broke|bruised|injured|banged) (himself|herself|themselves|(my|her|his|their) (wrist|"
    r"knee|ankle|arm|leg|hip|back|head|hand|foot|shoulder|elbow|face|nose|teeth))|"
    r"(nearly|almost|narrowly|just missed) (hit|hitting|ran over|run over|running over|knocked "
    r"(over|down)|knocking (over|down))"
    r")",
)

_APOSTROPHES = re.compile(r"[\u2018\u2019\u02bc`´']")
_CONTRACTIONS = re.compile(r"([a-z])[\u2018\u2019\u02bc`´'](ll|re|ve)\b")
_EXPAND = {"ll": "will", "re": "are", "ve": "have"}
_HYPHEN = re.compile(r"(?<=[a-z])[-\u2010\u2011\u2013](?=[a-z])")
_TOKENS = re.compile(r"[a-z0-9/]+|[^\sa-z0-9]")
# "want 2 die", "dnt want 2 b here": a 2 before a verb is "to" (but "2 days" stays a number).
_TWO = re.compile(
    r"\b2 (be|die|live|go|do|get|see|send|meet|end|kill|hurt|tell|stay|leave|me|us|him|her|them)\b"
)


# Words that end in "in" and are not a dropped g ("jumpin", "takin" are "jumping", "taking").
_NOT_DROPPED_G = frozenset(
    [
        "cousin",
        "napkin",
        "pumpkin",
        "muffin",
        "basin",
        "robin",
        "cabin",
        "margin",
        "violin",
        "satin",
        "raisin",
        "latin",
        "cumin",
        "admin",
        "vitamin",
        "aspirin",
        "insulin",
        "toxin",
        "resin",
        "origin",
        "martin",
        "justin",
        "austin",
        "dustin",
        "kevin",
        "berlin",
        "dublin",
        "goblin",
        "muslin",
        "begin",
        "within",
        "dolphin",
        "coffin",
        "puffin",
        "griffin",
        "assassin",
        "javelin",
        "lupin",
        "bobbin",
        "tannin",
        "gremlin",
        "zeppelin",
        "mandolin",
        "penicillin",
        "heroin",
        "mixin",
        "login",
        "signin",
        "checkin",
        "plugin",
        "bulletin",
        "chagrin",
        "gherkin",
        "bumpkin",
        "catkin",
        "bodkin",
        "buskin",
        "ramekin",
        "mannequin",
        "sequin",
        "harlequin",
        "kaolin",
        "lanolin",
        "paraffin",
        "saffron",
        "tarpaulin",
        "terrapin",
    ]
)
_DROPPED_G = re.compile(r"^[a-z]{2,}[^aeiou\W]in$")


def _word(w: str) -> str:
    if w in _WORDS:
        return _WORDS[w]
    if _DROPPED_G.match(w) and w not in _NOT_DROPPED_G:
        return w + "g"
    return w


def normalise(text: str) -> str:
    """Lower case, apostrophes dropped, text-speak spelled out, stretched letters cut to two."""
    low = _CONTRACTIONS.sub(lambda m: f"{m.group(1)} {_EXPAND[m.group(2)]}", text.lower())
    low = _HYPHEN.sub(" ", _APOSTROPHES.sub("", low))
    low = re.sub(r"([a-z])\1{2,}", r"\1\1", low)  # "pleeease" -> "pleease"
    words = [_word(w) for w in _TOKENS.findall(low)]
    joined = re.sub(r"\s+", " ", " ".join(words)).strip()
    joined = re.sub(r"\b(my|him|her|them|your) (self|selves)\b", r"\1\2", joined)
    return _TWO.sub(r"to \1", joined)


def without_figures(normal: str) -> str:
    """Each figure of speech becomes one neutral word, which the classifier learns is calm."""
    return re.sub(r"\s+", " ", _FIGURES.sub(" xfig ", normal)).strip()


def prepare(text: str) -> str:
    """What both layers read: normalised text without figures of speech."""
    return without_figures(normalise(text))


# Building blocks.
_CHILD = (
    r"(child|children|childs|kid|kids|baby|babies|toddler|toddlers|son|daughter|boy|boys|girl|"
    r"girls|brother|sister|sibling|siblings|niece|nephew|cousin|grandson|granddaughter|twins|"
    r"little one|little ones|teenager|foster child|stepson|stepdaughter|infant|newborn|"
    r"(\d|1[0-7]) year old|(\d|1[0-7]) years old|aged (\d|1[0-7]))"
)
_FAMILY = (
    r"(mum|mother|dad|father|stepdad|step dad|stepmum|step mum|stepfather|stepmother|parents?|"
    r"uncle|aunt|auntie|granddad|gran|nan|grandfather|brother|sister|cousin|stepbrother|"
    r"step brother|stepsister|foster (carer|carers|mum|dad|mother|father|parents?)|carers?|"
    r"babysitter|childminder|teacher|coach|mums (boyfriend|partner|husband|new partner)|"
    r"dads (girlfriend|partner|wife)|family)"
)
_PARTNER = (
    r"(partner|husband|wife|boyfriend|girlfriend|ex|ex partner|ex husband|ex wife|"
    r"ex boyfriend|ex girlfriend|fiance|fiancee|spouse|other half)"
)
_ADULT = (
    r"(nan|gran|granddad|grandfather|elderly|frail|old (man|woman|lady|gentleman)|pensioner|"
    r"dementia|alzheimers|disabled|disability|learning disabilit\w+|autism|autistic|vulnerable|"
    r"blind|wheelchair|bedbound|bed bound|stroke|residents?|care home|nursing home|carers?|"
    r"support worker|home care|care agency|agency|\d\d year old (man|woman|mum|dad)|"
    r"(i am|aged) [6-9]\d)"
)
_PERSON_OBJ = (
    r"(me|us|her|him|them|my (little |baby |younger |older |big |disabled |elderly |"
    r"vulnerable |step ?)?(mum|mother|dad|father|son|daughter|child|children|kid|kids|baby|"
    r"brother|sister|sibling|nan|gran|granddad|wife|husband|partner|girlfriend|boyfriend|niece|"
    r"nephew|cousin|aunt|auntie|uncle|friend|mate|family|neighbour))"
)
_HARM = (
    r"(hit|hits|hitting|beat|beats|beating|beaten|punch|punches|punched|punching|kick|kicks|"
    r"belts|belted|belting|leathers|leathered|wallops|walloped|thumps|thumped|clouts|clouted|"
    r"kicked|kicking|slap|slaps|slapped|slapping|smack|smacks|smacked|whip|whips|whipped|"
    r"strangle|strangles|strangled|strangling|choke|chokes|choked|choking|throttle\w*|"
    r"batter|batters|battered|knocks? \w+ about|knocked \w+ about|burn|burns|burned|burnt|"
    r"headbutt\w*|stab|stabs|stabbed|attack|attacks|attacked|attacking|push|pushes|pushed|"
    r"shove|shoves|shoved|hurt|hurts|hurting|abuse|abuses|abused|abusing|rape|rapes|raped|"
    r"molest\w*|touch|touches|touched|touching|grab|grabs|grabbed|bite|bites|bit|pinch|pinches|"
    r"pinched|pinching|spit at|spits at|spat at|spits on|spat on|"
    r"threaten|threatens|threatened|threatening|pulls? (my|her|his) hair|pulled (my|her|his) hair)"
)
_VIOLENT = (
    r"(hit|hits|hitting|beat|beats|beating|punch|punches|punched|punching|kick|kicks|kicked|"
    r"belts|belted|belting|leathers|leathered|wallops|walloped|thumps|thumped|clouts|clouted|"
    r"kicking|slap|slaps|slapped|slapping|smack|smacks|smacked|whip|whips|whipped|strangle|"
    r"strangles|strangled|strangling|choke|chokes|choked|choking|throttle\w*|batter|batters|"
    r"battered|headbutt\w*|stab|stabs|stabbed|attack|attacks|attacked|attacking|push|pushes|"
    r"pushed|shove|shoves|shoved|hurt|hurts|hurting|rape|rapes|raped|molest\w*|grab|grabs|"
    r"grabbed|burn|burns|burned|burnt|bite|bites|bit|knock \w+ about|knocks \w+ about|"
    r"knocked \w+ about|beat \w+ up|beats \w+ up|beating \w+ up)"
)
_WHO = (
    r"(he|she|they|someone|somebody|a man|a woman|a stranger|people|[a-z]+s? (mum|dad|"
    r"partner|husband|wife|boyfriend|girlfriend|son|daughter|brother|sister|uncle|carer|carers|"
    r"friend|friends|mates)|my \w+|his \w+|her \w+|their \w+|the \w+)"
)
# "hurt her back on the step", "hit my knee when I fell": an accident, not an assault.
_ACCIDENT = (
    r"(?! (back|knee|knees|ankle|wrist|leg|legs|arm|hand|foot|hip|shoulder|toe|finger|elbow)s? "
    r"(on|at|in|when|while|falling|slipping|tripping|playing|lifting)\b)"
)
_WEAPON = (
    r"(knife|knives|blade|blades|machete|machetes|gun|guns|firearm|pistol|rifle|shotgun|weapon|"
    r"weapons|axe|baseball bat|bat|hammer|crowbar|acid|petrol)"
)
_KILL_WORDS = (
    r"((kill|stab|shoot|hurt|burn|attack|murder|strangle|batter) (me|us|him|her|them|you|"
    r"everyone|someone|people|my \w+|the (kids|children|baby|family))|do (me|us|him|her) in|"
    r"beat (me|us|him|her) up|smash my face in)"
)


def _rx(*parts: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in parts))


RULES: dict[str, re.Pattern[str]] = {
    "immediate_danger": _rx(
        rf"\b(has|got|with|holding|waving|pulled|pulling|carrying|brandish\w*|wielding|armed)"
        rf" (got )?(a |an |his |her |their |some )?(big |huge |massive |long |kitchen |sharp |"
        rf"real |loaded )?{_WEAPON}\b",
        rf"\b{_WEAPON} (at|to|against) (me|us|my|him|her|them|people|kids|children)\b",
        r"\b(armed|masked) (man|men|stranger|person|people|gang|intruder|guy|lads?)\b",
        r"\b(is|are|was|been|being|got|just|has been|have been) (stabbed|shot)\b",
        rf"\b(going to|will|gonna|want to|wants to|coming (back |round |over )?(here )?(tonight |"
        rf"later )?to|"
        rf"threaten(s|ed|ing)? to|says? (he|she|they) (will|is going to|are going to)|"
        rf"said (he|she|they) (would|will|is going to))( come and)? {_KILL_WORDS}\b",
        r"\b(threaten\w* to (burn|set fire|torch)|set (the )?(house|flat|building) alight|"
        r"petrol through|(trying to|going to|about to|tried to|wants to|says he will|"
        r"said he would) "
        r"(set fire|set light) to|set fire to (my|our|the|her|his) (door|house|flat|home|letterbox|"
        r"building))",
        r"\b(house|flat|home|building|block|room|kitchen|car|stairs?|stairwell|hall) (is |are )?"
        r"(on fire|burning|in flames)\b",
        r"\b(is|are) on fire\b.*\b(trapped|inside|cant get out|help|kids|children|baby)\b",
        r"\b(trapped|stuck)\b.*\b(fire|smoke|flames|water|flood|river|lift)\b",
        r"\b(smoke|flames) (is |are )?(coming|pouring) (in|under|through)",
        r"\b(not|isnt|is not|stopped|cant|cannot|can not|struggling to) (breathing|breathe)\b",
        r"\b(unconscious|unresponsive|not responding|wont wake up|will not wake up|"
        r"cant wake (him|her|them)|not moving)\b",
        r"\b(collapsed|having a (heart attack|stroke|seizure|fit)|choking on|"
        r"swallowed (bleach|pills|tablets|batteries|poison))\b",
        r"\b(breaking|trying to break|kicking|kick|smashing) (in|into|(down )?my door|"
        r"(down )?our door|(down )?the door|down (my|our|the|her|his) (front |back )?door)\b"
        r"(?! (my|our|the|his|her|a) (car|van|shed|garage|locker|bike|meter|cars|sheds))|"
        r"\b(broke|breaks) (in|into)\b.*\b(still|now|inside|upstairs|downstairs|hiding|help|"
        r"in the house|in my)\b|\bkick(ing)? (my|our|the) door (in|down)\b",
        r"\b(intruder|burglar)s? (is |are )?(in|downstairs|upstairs|inside)\b",
        r"\b(someone|somebody|a man|a stranger|people) (is |are )?(in|inside) (my|our|the) "
        r"(house|flat|home)\b",
        r"\bhiding (from|upstairs|in the|in my|under)\b",
        r"\b(being|been|am being) (chased|followed|attacked|stalked)\b",
        r"\b(scared|afraid|fear|frightened|terrified) for (my|our|his|her|their) (life|lives)\b",
        r"\b(in danger|danger right now|life threatening)\b",
        r"\b(need|call|get|send) (an |the )?(ambulance|police|999)\b|\bcall 999\b",
        r"\b(drowning|drowned|fallen in(to)? the (canal|river|lake|sea|water))\b",
        r"\b(bleeding|blood) (loads|heavily|badly|a lot|everywhere|everywhere)\b|"
        r"\b(is|am|he is|she is|i am) bleeding\b",
        r"\b(went|gone|has been|have been|is|been) missing\b",
        r"\bmissing since\b",
        r"\b(gas|fumes) (leak|smell)\b.*\b(collapsed|unconscious|ill|not answering|dizzy)\b",
        r"\bhelp\b.*\b(he|she|they|someone|somebody) (is |are )?(hurting|attacking|beating)\b",
        r"\b((has|have|just|is|are) (broken|breaking)|trying to (get|break)|tried to (get|break)|"
        r"forcing (his|their|her) way) (in|into)\b(?! (my|our|the) (car|van|shed|garage))",
        r"\b(fire|smoke|flames)\b.*\b(trapped|still inside|cant get out|stuck|cannot get out|"
        r"not answering|no answer|not responding|wont answer|still in there)\b",
        r"\bthreatening (everyone|people|us|me|him|her|them|kids|children) with\b",
        r"\b(he|she|they) (will|would|is going to|are going to|was going to|going to|said he would|"
        r"said she would|says he will|says she will) (kill|stab|shoot|murder|strangle)\b",
        r"\b(driving|drove|drives) (at|into) (people|us|me|the crowd)\b|\b(ran|run) (me |him |"
        r"her |someone )?over\b",
        r"\b(explosion|blast)\b.*\b(hurt|injured|trapped|bleeding|dead)\b",
        r"\battacking (my|a|the|someone|people|him|her|me|us|them|an?)\b|\bbeating (\w+ ){0,2}up\b",
        r"\b(collapsing|collapsed) (on|with) (people|someone|him|her|my \w+)\b",
        r"\b(son|daughter|child|kid|boy|girl|brother|sister|he|she|mum|dad|nan|gran|granddad|"
        r"friend|"
        r"teenager|year old|baby|toddler|husband|wife|partner|mate) (\w+ ){0,2}(went|gone|has been|"
        r"have been|is|been|going|keeps going|goes|is still) missing\b",
        r"\b(isnt|is not|not|stopped|wont stop|cant stop) (moving|breathing|responding|"
        r"waking up)\b",
        r"\b(fell|fallen|fall|slipped|went) in(to)? (the |a )?(pond|river|canal|lake|pool|sea|"
        r"water|"
        r"reservoir|quarry)\b",
        r"\b(smashed|broke|broken|breaking|kicked|kicking|smashing) (in )?(the|a|my|our|her|his) "
        r"(window|door|back door|front door)\b.*\b(climbing|getting|coming|trying to get|got) "
        r"in\b",
        r"\b(climbing|getting|coming) in (through|the) (the )?(window|door)\b",
        r"\b(cave|kick|smash|bash) (my|his|her|your) (head|face) in\b|\b(shank|merk|stab|cut) "
        r"(me|him|her|us|you)( up)?\b",
        r"\b(about to|going to|gonna) (hurt|hit|attack|kill|beat) (me|us|her|him|them)\b",
        r"\b(banging|hammering|pounding|kicking|smashing) (on|at) (the|my|our) (door|window|"
        r"windows)"
        r"\b.*\b(scared|terrified|frightened|help|police|afraid)\b",
        r"\b(knifed|glassed|shanked|shot at|stabbed up)\b",
        r"\b(thrown|threw|throwing|throw) acid\b|\bacid (attack|thrown|in (her|his|my) face)\b",
        r"\b(car|cars|van|vehicle|bus|boat|lorry) (is |went |has gone |gone |has gone into |"
        r"went into )?"
        r"(in|into) the (river|canal|lake|sea|water|reservoir|quarry)\b",
        r"\b(gas|fumes|smoke)\b.*\b(lying|collapsed|slumped|passed out|unconscious|on the "
        r"floor)\b|\b(lying|collapsed|slumped|passed out) (\w+ ){0,2}on the (floor|ground)\b.*\b("
        r"gas|smoke|fumes|blood|not moving|breathing|cant get up|wont get up|cold)\b",
        r"\b(followed|following|follows) (me|her|us|my \w+) (home|all the way|to my|from)\b.*\b("
        r"grabbed|grabbing|outside|waiting|scared|terrified|still there|now)\b",
        r"\b(people|someone|somebody|a (man|woman|child|kid|boy|girl|baby)|kids|children|"
        r"pedestrians) (is |are |got |still )?(stuck |trapped |lying )?(under|underneath) (it|them|"
        r"the (car|van|bus|lorry|truck|rubble|wall|wreckage|debris))\b|\b(crashed|ploughed|"
        r"drove|driven|smashed) (in|into|through) (the |a )?(bus stop|bus shelter|crowd|people|"
        r"pedestrians|queue|school gates|playground|market)\b",
        r"\b(fire|smoke|flames|alight|on"
        r" fire)\b.*\b(we are|were|i am|im|people are|kids are|children are|family is|my \w+ is)"
        r" (on the (top|\w+) floor|inside|upstairs|stuck|trapped|in the (flat|house|building))\b",
        rf"^(?=.*\b(by accident|accidentally|a load|loads|lots|a lot|a handful|all of|too many|"
        rf"the whole|a whole|a bottle|a packet|a box)\b).*\b({_CHILD}|toddler)\b.*\b(took|taken|"
        rf"swallowed|eaten|ate|drank|drunk|got into)\b (\w+ ){{0,6}}(tablets|pills|medicine|meds|"
        rf"bleach|capsules|batteries|magnets|detergent|liquitabs|pods|paracetamol|painkillers|"
        rf"methadone|drugs)\b",
        r"\b(smoke alarm|fire alarm|smell (of )?(burning|smoke|gas)|smell burning|smoke (is )?"
        r"(coming|pouring) (out|from|under))\b.*\b("
        r"nobody|no one|noone) (answers|is answering|answering|comes|opens|coming)\b|\b(smoke "
        r"alarm|fire alarm)\b.*\b(no answer|not answering|wont answer|nobody in)\b",
        r"\b(trapped|pinned|crushed|stuck) (under|beneath|underneath)\b|\b(ceiling|roof|wall|"
        r"building|floor|balcony|wardrobe|tree) (has )?(come|came|fallen|fell|collapsed) "
        r"(down )?(on|onto|on to) (her|him|them|someone|somebody|us|me|people|a (man|woman|child|"
        r"kid|boy|girl)|my (\w+ )?(mum|mother|dad|father|nan|gran|granddad|son|daughter|child|"
        r"kids|baby|brother|sister|husband|wife|partner|friend|neighbour))\b",
        r"\b(have |are |just |has |got )?(surrounded|cornered) (me|us|my (car|house|flat|home|"
        r"door|son|daughter|kids|brother|sister))\b(?! (with|in) (paperwork|forms|letters|red tape|"
        r"bureaucracy|rubbish|scaffolding|building work|bins))",
    ),
    "suicide_self_harm": _rx(
        r"\b(kill|killing|killed|hurt|hurting|harm|harming|cut|cutting|burn|burning|burnt|"
        r"scratch|scratching|starve|starving|punish|punishing|hang|hanging|hanged|drown|"
        r"poison|poisoning|strangle|strangling|stab|stabbing) (my|him|her|them)sel(f|ves)\b",
        r"\b(kill|killing|hang|hanging|hurt|hurting|cut|cutting) (him|her|them)sel(f|ves)\b",
        r"\bsuicid\w*|\bself ?harm\w*|\bover ?dos\w*",
        r"\b(end|ending|ended|take|taking|took) (it all|my life|my own life|his life|her life|"
        r"their life|his own life|her own life|things|everything|my life)\b",
        r"\b(i will|im going to|i am going to|going to|want to|gonna|thinking of|thinking about|"
        r"might|could) end it\b(?! with)",
        r"\bend it (all|tonight|now|today|for good)\b",
        r"\b(want|wanna|wish|going|ready|deserve) (to )?(die|be dead|not exist|stop existing)\b",
        r"\bwish (i|he|she) (was|were) dead\b|\bwish i (had|was|were) never (been )?born\b",
        r"\b(dont|do not|dont even|no longer) (want|wanna|wish) to (live|be alive|be here|"
        r"exist|wake up|go on|carry on)\b(?! to )",
        r"\b(dont|do not) want to be here( any more| no more)?\b",
        r"\bnot want to be (alive|here)\b",
        r"\b(better off|happier) (without me|if i (was|were) (gone|dead|not here|not around))\b",
        r"\b(no|nothing|not any) (point|reason) (any more|in living|in life|in anything|"
        r"to live|to go on|to carry on|in going on|in carrying on|carrying on|going on|"
        r"in being here|to anything|left)\b(?! with)",
        r"\b(what is|whats) the point (in|of) (anything|living|life|me|it all|going on|"
        r"being here)\b",
        r"\b(cant|cannot|can not|not able to) (go on|carry on|do this|take (it|this)|cope)"
        r"( (any|no) ?more)\b",
        r"\b(cant|cannot) go on (like this|living)\b(?! with)",
        r"\b(want|wanna|wish i could|going to|just want to|like to) (\w+ )?(disappear|vanish)\b",
        r"\b(disappear|vanish) (forever|for good|for ever|and never|and not come back)\b",
        r"\b(sleep|go to sleep) and (never|not) wake up\b",
        r"\b(jump|jumping|throw myself|step|stepping|walk|walking) (off|from|in front of|under|"
        r"into) (the |a )?(bridge|building|roof|car park|multi storey|cliff|train|bus|lorry|"
        r"traffic|sea|river|canal|top|balcony|window|something|height)",
        r"\bstanding on (the |a )?(bridge|roof|ledge|edge|top)\b",
        r"\b(saying|say|said) goodbye to (everyone|my family|you all|the world)\b|"
        r"\b(goodbye|suicide) (letter|letters|note|notes)\b|\bletters .* goodbye\b",
        r"\b(tablets|pills) (saved|stockpiled|ready|hoarded)\b|\b(saved|stockpiled|hoarding) "
        r"(up )?(\w+ )?(tablets|pills)\b|\btake them all\b",
        r"\b(nobody|no one|noone) (would|will) (notice|miss me|care|even notice)( if i)?",
        r"\b(a |such a )?burden (to|on) (everyone|my family|everybody)\b",
        r"\b(had|have had) enough of (living|life|being alive)\b",
        r"\b(slit|slitting|cut|cutting) (my|his|her) (wrists?|arms?|legs?|thighs?)\b",
        r"\bi (want to|wanna) (stop|end) (it|everything|all this|existing)\b.*\b(forever|stop)\b",
        r"\bwant (it|everything) (all )?to (stop|end) (forever|for good)\b",
        r"\b(punch|hit|bang)\w* (walls?|my head)\b.*\b(bleed|hurt|deserve)\w*\b",
        r"\b(life|living) (is not|isnt|is|not) (worth (living|it)|pointless)\b",
        r"\b(my )?last (message|goodbye|night alive)\b|\bshould (just )?die\b|\bbetter off dead\b",
        r"\bwant (everything|it all|all of it|the pain) to (end|stop)\b|"
        r"\bno reason to (keep going|live|be here)\b",
        r"\b(a |the )?rope (ready|round my neck)\b|\bnoose\b|\b(drive|"
        r"crash) (my car )?into a (wall|tree|bridge)\b",
        r"\b(throw|throwing|threw) myself\b",
        r"\b(should|could|might|will just|may as well|might as well) (just )?end it\b(?! with)",
        r"\b(took|taken|take|swallowed|had|necked|downed) (\w+ ){0,2}(loads|a load|lots|a lot|all|"
        r"a handful|a bunch|\d+|a whole (box|packet|bottle)|too many|a packet|a box|the lot) "
        r"(of )?(my |her |his |the )?(pills|tablets|paracetamol|painkillers|sleeping pills|meds|"
        r"antidepressants|insulin)\b",
        r"\b(i|ive|i have|i am|been|started|start|keep|kept) (\w+ )?(cutting|scratching|burning|"
        r"harming)"
        r" (again|myself)\b",
        r"\b(scratch|cut|burn|bang|punch|hit|slash)\w* (my|his|her) (arms?|legs?|skin|wrists?|head|"
        r"thighs?|hands?|stomach) (till|until|to make|so|to feel|and)\b",
        r"\b(burn|cut|scratch)\w* (my|his|her) (skin|arms?|legs?|wrists?)\b",
        r"\b(not sure|dont know if|do not know if|doubt) (i|ill|i will|i am going to) (be alive|"
        r"still be here|make it through|be here|last)\b",
        r"\b(won t|wont|will not|not going to) be (here|around) (by (the )?(morning|tonight|"
        r"tomorrow|the weekend)|much longer|for much longer|for long)\b|\b(won t|wont|will not|not "
        r"going to) be alive\b",
        r"\b(won t|wont|will not|not going to) be (alive|here|around) (to see|by the time|to read|"
        r"to hear)\b(?! (the|my|our) (engineer|appointment|visit|delivery|inspector))",
        r"\b(planning|planned|plan|working out) (how|when|where) to (kill|end|hurt)\b",
        r"\b(want|wanna|going) to (be gone|stop living|not be here|go to sleep forever)\b|"
        r"\bstop living\b",
        r"\b(cant|can not|cannot|dont know how to) stop (hurting|cutting|harming|burning) "
        r"(myself|me)\b|\bkeep (hurting|cutting|harming|burning) (myself|me)\b",
        r"\b(about to|going to|threatening to|wants to|trying to|gonna) jump\b(?! (the|a) (queue|"
        r"gun|list|fence))",
        r"\b(cant stop|keep|always) (thinking|think) (about|of) (dying|death|killing myself|"
        r"ending (it|my life)|suicide|not being here)\b",
        r"\b(written|wrote|writing|left) (my|a) (\w+ )?(note|goodbye|will)\b(?! (to|for) the "
        r"council)",
        r"\b(i am|im) (done|finished) with (everything|life|it all|living)\b(?! (to do|about|"
        r"related|on))",
        r"\b(tablets|pills|rope|blade|razor|knife|noose) (are |is )?(in front of me|ready|"
        r"next to me|"
        r"in my hand|lined up|counted out)\b",
        r"\b(cant|can not|cannot|dont think i can|not sure i can|i can no longer) (keep going|"
        r"go on|"
        r"carry on|keep living)\b(?! (\w+ )?(with|to|like|at|for|the|this|that|a|my|our)\b)",
        r"\b(got|have|bought|found|ordered) (a |the |some )?(rope|noose|ligature)\b",
        r"\b(dont|do not|cant|cannot|no|not) (\w+ ){0,4}(to )?(keep|carry on|go on) (existing|"
        r"living|being alive)\b(?! (like this )?(with|in|because|on|at|here|there) )",
        r"\b(dont|do not|cant|cannot) see (why|the point|a reason|any reason|how) (i should |i can"
        r" |to |in |i could )?(keep going|go on|carry on|keep living|living|live|be alive|be here|"
        r"stay alive)\b(?! (with|in|at) )",
        r"\b(cant|cannot|can not) face (another day|tomorrow|living|life|waking up|going on|"
        r"being alive)\b(?! (of|with|at|in) )",
        r"\b(nobody|no one|noone|none of you|you|they|everyone) (has|have|will have|would have|"
        r"will need|wont have|will not have|need) to (deal with|put up with|worry about|see|look "
        r"after|bother with) me (again|any more|ever again|much longer|soon)\b",
        r"\b(cant|cannot|can not) (keep living|go on|carry on|live)( like this)?\b.*\b(finish it|"
        r"end it|end things|be gone|do it|tonight|not be here|goodbye)\b",
        r"\b(know|decided|planned|picked|chosen|worked out) (where|how|when) (i am |im )?"
        r"(going to |gonna )?(do it|end it|finish it)\b",
        r"\b(no (other )?way out|only way out) (for me|except|but|any more|now|left|is (to )?"
        r"(die|end|kill|jump|take|go))\b|\b(see|is|there is|theres) no (other )?way out\b(?! "
        r"(of|from|for (the|cars|traffic|residents|vehicles)))",
        r"\b(not|wont|will not) (be|going to be) (a problem|a burden|around|here|alive) (for |to )?"
        r"(anyone |you all |you )?(much )?longer\b",
    ),
    "child_exploitation": _rx(
        r"\b(being |been |is |are |was |were )?groom(ed|ing) (me|my|her|him|them|children|kids|"
        r"girls|boys|young|online)\b|\b(being|been|is being|are being|am being|i am being) "
        r"groomed\b|\bgroomed (online|by)\b",
        r"\b(nudes?|naked (pictures|photos|pics|images|videos)|sexts?|sexting|explicit "
        r"(pictures|photos|images))\b",
        r"\b(man|men|adult|guy|someone|somebody|he|stranger|boy|lad|teacher|coach|person|they)"
        r" (\w+ ){0,3}(asking|asks|asked|wants|keeps asking|pressur\w*|make|makes|made|told|tells) "
        r"(me|her|him|my \w+) (\w+ )?(for|to send|to share|send) (\w+ )?(pictures|photos|images|"
        r"videos|selfies)\b",
        r"\bblackmail\w*|\bsextort\w*",
        r"\b(share|sharing|post|posting|send|sending|leak|leaking) (the |my |her |his )?"
        r"(pictures|photos|images|videos)\b.*\b(unless|if i dont|if she doesnt|if he doesnt)\b|"
        r"\b(threaten\w*|says he will|said he would) (to )?(share|post|send|leak) (\w+ )?"
        r"(pictures|photos|images|videos)",
        r"\bcounty lines?\b|\bcuckoo(ed|ing)\b|\btraffick(ed|ing)\b",
        r"\b(sexual(ly)?|criminal(ly)?) exploit\w*",
        r"\bexploit(ed|ing)\b.*\b(gang|men|man|older|sexual|drugs)\b|\b(gang|men|older \w+) "
        r"(\w+ ){0,3}exploit\w*",
        r"\bpimp\w*|\b(sex|sexual things|favours|stuff) (with|for) (men|money|his (mates|friends)|"
        r"older men|strangers|their friends)\b",
        r"\b(made|make|makes|making|forced|force|forces|forcing|pressur\w*) (me|her|him|them|"
        r"my \w+)"
        r" (to )?(have sex|do (sexual )?(things|stuff)|sleep with)\b",
        r"\b(make|makes|made|making|forced|forces|forcing|pressur\w*|told|tell|tells|have to|"
        r"has to|"
        r"got to|or (they|he|she) will)\b.*\b(sell|selling|deliver\w*|carry|carrying|run|"
        r"running|move|moving|hold|holding|hide|hiding|stash\w*|keep|keeping|drop|dropping)"
        r" (\w+ ){0,3}(drugs|weed|coke|crack|packages|parcels|bags|stuff|a knife|knives|"
        r"gear|a gun|guns)\b",
        r"\b(sell|selling|deliver\w*|carry|carrying|run|running|move|moving|hold|holding|hide|"
        r"hiding|stash\w*|drop|dropping) (\w+ ){0,3}(drugs|weed|coke|crack|packages|parcels|bags|"
        r"gear)\b.*\b(for (them|him|older|a gang|some|these|those|the gang|dealers)|or (they|he) "
        r"(will|would))\b",
        r"\b(older|grown|adult|grown up|much older) (man|men|guy|guys|lads|boys|bloke|boyfriend|"
        r"woman|person|people|stranger)\b.*\b(meet|secret|pictures|photos|party|parties|flat|"
        r"house|gifts?|presents?|money|cash|lifts?|taxis?|alcohol|drinks?|vapes?|drugs|stay|"
        r"sex|car|run away|phones?|trainers|carry|bags|sell)\b",
        r"\b(1[0-7]|twelve|thirteen|fourteen|fifteen|sixteen)\b.*\b([2-6]\d) (year old|years old|"
        r"year)\b|\b([2-6]\d) (year old|years old)\b.*\b(1[0-7]|twelve|thirteen|fourteen|"
        r"fifteen)\b",
        r"\bmature for (my|her|his|your|their) age\b",
        r"\b(told|tells|telling|says|said) (me|her|him|them) (not to tell|to keep (it|this|"
        r"us|our \w+) (a )?secret|to delete (the|our) (chats|messages|texts))\b",
        r"\b(keep|keeping) (our|the|this) (chats|messages|relationship|texts) (a )?secret\b",
        r"\bmeet (up )?(in secret|secretly)\b|\bsecret(ly)? meet\b",
        r"\b(i|he|she|we) owe (a|the|some|them|him) ?(dealer|dealers|gang|money)?\b.*"
        r"\b(work|pay) (it|them|that) off\b|\bwork (it|the debt) off\b",
        r"\b(met|meet|talking to|talks to|messaging) (\w+ ){0,3}(online|on snapchat|on "
        r"instagram|on tiktok|gaming|on a game|on xbox|on discord)\b.*\b(meet|secret|stay|"
        r"run away|pictures|photos|gifts|presents|loves me)\b",
        r"\b(pick|picks|picking|picked) up (young )?(girls|boys|kids|children)\b",
        r"\btakes? (young )?(girls|boys|kids|children) (back )?to (his|their|a) (flat|house)\b",
        r"\b(going|goes|gone|keeps going|went) missing\b.*\b(comes back|came back|returns|new|"
        r"money|"
        r"phones?|trainers|clothes|older|drugs)\b",
        r"\bnew (phones?|trainers|clothes|money|cash)\b.*\b(wont say|will not say|nobody bought|"
        r"no one bought|not say|doesnt say|where from|cant explain)\b",
        r"\b(gave|give|gives|giving|buys|bought|buying) (my \w+ \w+ |my \w+ |her |him |them |me )"
        r"(drugs|alcohol|vapes?|cigarettes|drink|lifts|gifts|presents|cash)\b",
        r"\b(paying|pay|pays|paid) (\w+ ){0,3}(to have sex|for sex)\b|\bhave sex with (them|him|"
        r"men|his \w+|older)\b",
        r"\b(taxis?|lifts?|rides?) (paid for by|from) (strangers|older|men|a man|grown)\b",
        r"\b(offered|offers|offering|pays|paid|paying) (my \w+ \w+|my \w+|me|him|her|them) "
        r"(money|cash|\d+ pounds) to (deliver|carry|sell|hold|move|drop|take)\b",
        r"\b(grown|older|adult) (man|men|woman)\b.*\b(online|messag\w*|texts?|chat\w*|snapchat|"
        r"instagram|tiktok)\b|\b(online|messag\w*|texts?|chat\w*)\b.*\b(grown|older|adult) "
        r"(man|men|woman)\b",
        r"\b(teacher|coach|youth worker|tutor|leader|instructor|priest)\b.*\b(private messages|"
        r"messages (her|him|me) (at night|late)|secret|late at night|loves (me|her|him)|"
        r"i am special|she is special|he is special|(my|her|his) girlfriend|(my|her|"
        r"his) boyfriend)\b",
        # "passed around between older men", not "I get passed around departments".
        r"\bpassed (a)?round (between|among|amongst|to) (\w+ )?(men|males|lads|boys|older|"
        r"adults|his|their|friends|mates)\b",
        r"\bthreaten\w* (me|him|her|us) to (keep|hold|hide|sell|carry|move)\b",
        r"\bowes? (money )?to (dealers|a dealer|a gang|the gang|them)\b|\b(make|makes|made) (him|"
        r"her|"
        r"me) work for them\b",
        r"\b(disappearing|disappears|vanishing|vanishes|staying out|stays out) (for )?(nights|days|"
        r"the night|all night|whole nights|overnight)\b.*\b(money|cash|phones?|trainers|clothes|"
        r"gifts|drugs|older|explain|wont say)\b",
        r"\b(girl|boy|child|kid|year old|teenager|daughter|son)\b.*\b(different|older|grown|"
        r"various) men\b.*\b(cars?|flats?|nights?|houses?|parties|hotels?)\b",
        r"\b(asks|asked|tries|tried|trying|wants|told|tell|keeps asking) (me|her|him|"
        r"my \w+) to get "
        r"in(to)? (his|a|the|their|her) (car|van)\b",
        r"\b(run|ran|running) (away|off) with (a|an) (older |grown )?(man|men|guy|adult|woman)\b|"
        r"\b(man|guy|adult) (twice|three times) (her|his|my) age\b",
        rf"\b{_CHILD}\b.*\b(found|picked up|turned up|stopped|collected|staying|stayed|sleeping|"
        rf"slept|kept)\b.*\b(with|by) (adults|grown ups|older (men|man|lads|boys|people)|men|"
        rf"strangers|people (she|he|they) (doesnt|dont|didnt|does not|do not) know|"
        rf"adults (she|he|they) (doesnt|dont|didnt|does not|do not) know)\b",
        r"\b(take|taking|took|carry|carrying|carried|drop|dropping|dropped|deliver\w*|move|"
        r"moving|moved|hold|holding|held|look after|looking after|mind|minding) (a |the |some |"
        r"these |their |his |this )?(bags?|packages?|parcels?|packs?|boxes|phones?|stuff)\b.*\b("
        r"for (\d+|money|cash|quid|pounds|a gang|them|older)|(wont|will not|dont|do not) let "
        r"(me|him|her|us) (stop|leave|quit|out|go|get out)|owe (them|him|her)|or (else|they|he)"
        r"|(another|other|different) (city|town|county|area))\b",
        r"\b(sent|sending|sends|send|taken|taking|takes) (\w+ ){0,2}(to )?(another|other|"
        r"different) (county|town|city|area|place)s? to (sell|deal|deliver|carry|drop|hold|work)\b",
        r"\b(owe|owes|owed|owing) (them|him|the gang|dealers|a dealer|money to \w+)\b.*\b(sell|"
        r"deliver|carry|run|work|hold|deal)\w*\b|\b(have to|got to|make me|made me|makes me|"
        r"making me|make him|makes him|made him|make her|makes her) (sell|deal|run|shot|hold "
        r"stuff|work) for (them|him|the gang|a gang|dealers)\b",
        r"\b(give|gives|giving|gave|hand|hands|handing) (out )?(the |our |local |young |little )?("
        r"kids|children|teenagers|boys|girls|youngsters|teens) (\w+ )?(free |cheap )?(weed|drugs|"
        r"vapes|alcohol|vodka|cigarettes|cash|money)\b",
        r"\b(parties|party|flats?|houses?|hotels?|cars?)\b.*\b(by|with) (older|grown|adult|much"
        r" older) (men|man|guys|lads|blokes)\b|\b(given|plied with|fed) (\w+ )?(vodka|alcohol|"
        r"drink|drugs|weed|pills)\b.*\b(older|grown|adult) (men|man|guys|lads)\b",
        r"\b(girls|boys|kids|children|teenagers|young people)\b.*\b(different|older|grown|various)"
        r" (men|man|guys)\b.*\b(cars?|flats?|night|nights|houses?|parties|hotels?)\b",
        r"\b(second|another|extra|burner|secret|new) phones?\b.*\b(ringing|rings|wont say|will not"
        r" say|scared|late at night|goes out|cash|money|disappears|missing|hides)\b",
        r"\b(dick|willy|penis|cock) (pic|pics|picture|pictures|photo|photos)\b|\b(rude|sexual|"
        r"dirty|explicit|naked|nude|indecent) (pictures|photos|images|videos|selfies)\b|\bsexual "
        r"(messages|texts|chats|comments) (to|from|with)\b",
        r"\b(i am|she is|he is|my \w+ is|aged|(my|our) \w+ (\w+ )?(is|who is)) (1[0-5]|twelve|"
        r"thirteen|fourteen|fifteen)\b.*\b(boyfriend|guy|man|bloke|fella|he|girlfriend|woman|"
        r"lad|bf|gf|someone|person) (\w+ ){0,4}(is|is like|aged|who is) ([2-6]\d|nineteen|"
        r"twenty \w+|thirty \w+)\b",
        rf"^(?=.*\b({_CHILD}|1[0-7]|i am 1[0-7])\b).*\b((collected|picked up|getting picked up|"
        rf"gets picked up|getting collected|gets collected) (\w+ ){{0,2}}by (a man|an older man|"
        rf"men|older (men|man|lads|boys|guys)|adults?|strangers?|a stranger|different men|a guy|"
        rf"guys)|"
        rf"(getting|gets|got|keeps getting|get) (in|into) (\w+ ){{0,2}}cars? (with|driven by) (men|"
        rf"older|adults|a man|strangers|different))\b",
        r"\b(they|he|the gang|the lads|the older \w+) (wont|will not|dont|do not) let (me|him|"
        r"her|us) (stop|quit|get out|leave the gang)\b",
    ),
    "child_abuse": _rx(
        rf"\b(my|our|her|his|their|the) {_FAMILY} (\w+ ){{0,3}}{_HARM} (me|us|him|her|them|"
        rf"my (little |younger |baby )?{_CHILD}|the {_CHILD}|their {_CHILD}|his {_CHILD}|"
        rf"her {_CHILD})\b{_ACCIDENT}",
        rf"\b{_CHILD} (is |are |was |were |has been |have been |being |gets |get )?"
        rf"(\w+ )?(hit|beaten|hurt|abused|neglected|starved|smacked|slapped|kicked|punched|"
        rf"whipped|screamed at|locked (in|up)|touched|molested|knocked about)\b"
        r"(?! out of| (on|at) (a|the)\b| by (a|the) (car|ball|bus|van|bin|lorry|swing|door|gate)"
        r"| (playing|in (an|a) (accident|fall)|falling|tripping|when (he|she|they) (fell|tripped|"
        r"slipped)|at (school|football|rugby|the park|the leisure|pe)|by (another|a|an older) "
        r"(pupil|child|kid|boy|girl|student|classmate|lad))"
        r"| (his|her|their|my) (own )?(arm|leg|knee|ankle|wrist|head|back|hand|foot|finger|toe|"
        r"shoulder|elbow|neck|face|nose|hip)s?\b)",
        r"^(?!.*\b(dogs?|cats?|pupp(y|ies)|kittens?|pets?|horses?|rabbits?|animals?|birds?)\b).*"
        r"\b(left|leaves|leave|leaving|abandoned) (\w+ ){0,4}(alone|on (their|her|his) own|"
        r"home alone|by (themselves|herself|himself)|unattended|unsupervised|strapped in)\b(?! to "
        r"(deal|sort|cope|manage|handle|fill|do|wait|figure|chase|pick|struggle|work|get|look|"
        r"find|make|pay|fight|organise|arrange))",
        r"\b(locked|locks|lock|locking|shut|shuts) (\w+ ){0,2}(in|out of|into) (their|his|her|my|"
        r"a|the|our) (room|bedroom|cupboard|shed|garden|house|cellar|loft|bathroom)\b",
        r"\b(kicks|kicked|throws|threw|locks|locked) (me|us|him|her|them) out (at night|of the "
        r"house|in the (night|cold|rain))\b",
        r"\b(no|without|never any|not (given|getting|allowed)( any)?) (food|meals|"
        r"something to eat|anything to eat|clean clothes)\b(?! (waste|caddy|bins?|bank|hygiene))"
        r"(?! (in )?(because|until|till|since|as|cos) (my|our|the) (benefits?|money|wages|"
        r"universal credit|payments?|pay|pip|pension|shopping|delivery))",
        r"\b(not|never|wont|doesnt|dont|didnt|isnt|arent|not being|never being|hasnt been|"
        r"havent been) (been )?(fed|feeding|feed)\b",
        r"^(?!.*\b(dogs?|cats?|pupp(y|ies)|kittens?|pets?|horses?|rabbits?|animals?|birds?)\b).*"
        r"(\b(always|often|constantly|really|very|so) (hungry|starving|dirty|filthy)\b|"
        r"\b(starving|filthy|hungry) (and|every day|all the time)\b|\basking for food\b|"
        r"\btake food from school\b)",
        r"\b(bruises|bruising|black eye|cigarette burns|burn marks|welts|marks) (all over|on|from"
        r"|again)\b|\bhas (a )?(black eye|bruises|burns)\b|\bcovered in bruises\b",
        r"\b(touches|touched|touching|does (stuff|things)|did (stuff|things)|makes me do (stuff|"
        r"things)) (to )?(me|my|her|him)( private| in)?\b",
        r"\bsexual(ly)? abus\w*|\bmolest\w*|\binappropriately touch\w*|\bporn\w* with\b",
        r"\b(its|it is) (a|our) secret\b",
        r"^(?!.*\b(dogs?|cats?|pupp(y|ies)|kittens?|pets?|horses?|rabbits?|animals?|birds?)\b).*"
        r"\b(being|been|is|are|was|were|getting|get|am|gets) (\w+ )?(abused|neglected|"
        r"mistreated|beaten|battered)\b",
        r"\b(wish|wishes|wished) (i|we) (was|were) (dead|never born)\b|\bcalls? (me|us|him|her) "
        r"(worthless|useless|stupid|a waste)\b",
        rf"\b(scared|afraid|frightened|terrified) (to go|of going) (back )?(home|to my "
        rf"placement|back)\b(?! (because|cos) (of )?(the )?(rats|mice|mould|damp|noise|"
        rf"cockroaches|bugs|leak|state|repairs|smell|flood|building work|cold|dark|stairs|lift|"
        rf"estate|neighbours? (noise|music|dog)))|\b(scared|afraid|frightened|terrified) of "
        rf"(my|our|her|his) {_FAMILY}\b",
        r"\b(sleep|sleeps|sleeping) in the (shed|garden|car|cupboard)\b",
        r"\bhis dad (shouts|says) he will kill him\b|\bwill kill (him|her)\b",
        r"\bdoes stuff to me\b|\bdoes things to me\b",
        r"\bwho (abuses|hurts|hits|beats|touches|rapes|molests|abused|hurt|hit|beat|touched|raped)"
        r" (her|him|them|me|kids|children|us)\b",
        r"\bnot allowed (to eat|food|any food)\b",
        r"\b"
        + _VIOLENT
        + r" (a |the |my |our |his |her |their )?(little |young |small )?"
        + _CHILD
        + r"\b",
        r"\b(screamed|shouted|yelled) at and (hit|smacked|slapped|beaten|kicked|punched|hurt)\b",
        r"\b(tells|told|says|said) (me|us|him|her) (he|she|they) (hates|hate|hated) (me|us|him|"
        r"her)\b",
        r"\b(throw|kick|chuck|put) (me|us|him|her|them) out (at night|on the street|in the cold)\b|"
        r"\bthreaten\w* to (throw|kick|chuck) (me|us) out\b",
        r"\b(drunk|high|wasted|passed out|off (her|his) face)\b.*\b(kids|children|baby|toddler|"
        r"alone)\b|"
        r"\b(kids|children|baby|toddler)\b.*\b(drunk|high|wasted|passed out|off (her|his) face)\b",
        r"\bwandering (the streets?|around|outside|about) (alone|on (their|his|her) own)\b|"
        r"\b(year old|toddler|child|kid|baby)\b.*\b(alone|on (their|his|her) own) (at|in the) "
        r"(night|\d+ ?am|middle of the night)\b",
        r"\b(baby|babies|toddler|kids|children)\b.*\b(cries|crying|screams|screaming)\b.*\b(no one|"
        r"nobody|never an adult|no adult|all day|all night|for hours)\b",
        r"\b(stand|sit|stay|sleep) (outside|in the garden|in the cold|in the shed)\b.*\b(hours|"
        r"all night|"
        r"cold|punish\w*)\b",
        r"\bno beds?\b.*\b(rubbish|filth|floor|dirty)\b",
        r"\b" + _CHILD + r"\b.*\b(alone|on (their|his|her) own|by themselves|unsupervised|"
        r"locked out|shut out|no adult|no one (looks|looking) after|nobody (looks|looking) after)"
        r"\b.*\b(since|days|all night|overnight|night|cold|hungry|hours|week|weekend)\b",
        r"^(?!.*\b(dogs?|cats?|pupp(y|ies)|kittens?|pets?|horses?|rabbits?|animals?|birds?)\b).*"
        r"\b(locked|shut|kept|left) out (\w+ ){0,3}(in the cold|on the landing|all night|overnight|"
        r"in the rain|at night)\b",
        r"\b" + _CHILD + r"\b.*\b(injuries|bruises|burns|marks|cuts)\b.*\b(says|said|claims|told)"
        r" (he|she|they) (fell|walked into|tripped)\b",
        r"\bmarks on (her|his|their|my) (neck|throat|face|back|arms|legs)\b",
        r"\b(broken|fractured|burn|burns|burnt|injur\w*|bleeding|cut|really (sick|ill|poorly))\b.*"
        r"\b(didnt|did not|wont|will not|never|havent|have not|hasnt|has not|not) (take|took|taken|"
        r"taking) (him|her|them|the (baby|child|kid)|\w+) to (hospital|the doctor|a doctor|a and e|"
        r"ae|the gp|a gp)\b",
        r"\b(black eyes?|bruises|bruising|burns|cuts|marks|welts|injuries)\b.*\b(every|each) "
        r"(monday|day|week|weekend|time|morning)\b|\b(comes|came|turns up|turned up|come|coming)"
        r" (in|to school|into school|to class|round|home) with (a |another |new |more )?(black eye|"
        r"bruises|burns|marks|cuts|injuries|a split lip|welts)\b",
        r"\b(starve|starves|starved|starving) (me|us|him|her|them)\b",
        r"\b(leaves|left|leave|leaving) (my |her |his |the |our )?(baby|little|toddler|kids|"
        r"children|"
        r"son|daughter|brother|sister)\b.*\bwith (strangers|people (she|he) doesnt know|men|"
        r"dealers|drunk)\b",
        r"\b(sexual|sex) (things|stuff|acts?) (to|with|on) (her|him|me|them|my \w+)\b",
        r"\b(cut lip|black eye|bruises?|bruising|burns?|injur\w*|marks?|cuts?)\b.*\b(says|said|"
        r"told|"
        r"tells) (\w+ ){0,3}(dad|mum|father|mother|stepdad|step dad|uncle|parents?|carer|he|she)"
        r" (did it|did that|done it|did this|hit (him|her|them))\b",
        r"\b(comes|came|gets|got|creeps) in(to)? (my|her|his) (room|bed|bedroom) (at night|when)\b",
        r"\b(throw|throws|threw|thrown|throwing|slam|slams|slammed|slamming|drag|drags|dragged|"
        r"dragging|pin|pins|pinned|pinning|shove|shoves|shoved|shoving|push|pushes|pushed|"
        r"pushing) (me|us|him|her|them|my \w+|the (baby|child|kid|boy|girl)) (up )?(against|into|"
        r"onto|on to|across|down) (the |a |my |her |his )?(wall|walls|floor|ground|door|stairs|"
        r"bed|table|furniture|radiator|fridge|cupboard|car)\b",
        r"\b(shake|shakes|shook|shaking|shaken) (the |a |my |her |his |their |our )?(\w+s )?"
        r"(baby|babies|toddler|infant|newborn|little one)\b|\b(baby|toddler|infant) (was |is |"
        r"being |been )?(shaken|shook)\b",
        r"\b(grabs|grabbed|drags|dragged|pulls|pulled|holds|held|lifts|lifted) (me|us|him|her|"
        r"them|my \w+) (up )?by (the|my|her|his|their) (hair|throat|neck|ear|ears|arm|arms)\b",
        r"\b(i )?(dont|do not) like what (he|she|they) (does|did|do) to me\b|"
        r"\bdont like what he does\b",
    ),
    "domestic_abuse": _rx(
        rf"\b(my|her|his|our|the) {_PARTNER} (\w+ ){{0,4}}{_HARM} {_PERSON_OBJ}",
        rf"\b(my|her|his) (son|daughter|dad|father|stepdad|brother in law|sister in law|"
        rf"mums boyfriend|mums partner) (\w+ ){{0,3}}{_HARM} (me|my mum|her|my mother|my sister|"
        rf"my wife|us)\b(?! \w+ on (a|the)\b)",
        r"\b(domestic (abuse|violence)|abusive (partner|husband|wife|boyfriend|girlfriend|ex|"
        r"relationship|marriage|home))\b(?! (leaflet|service|services|team|poster|funding|"
        r"policy|strategy|training|officer|courses?|charity|charities|website|refuges?|helpline|"
        r"support|project|centre|unit|awareness|campaign|leaflets?|posters?|funding|cuts?))",
        r"\b(partner|husband|wife|boyfriend|girlfriend|ex) (is|gets|can be|has been|was) "
        r"(violent|abusive|controlling)\b",
        r"\b(violent|controlling) (partner|husband|wife|boyfriend|girlfriend|ex)\b",
        rf"\b(scared|afraid|frightened|terrified) of (my|her|his) {_PARTNER}\b",
        r"\b(not safe|unsafe|dont feel safe|do not feel safe|scared|afraid|frightened|terrified)"
        r" (at home|to go home|to go back home|in my (own )?home|to be at home)\b(?! (because|cos) "
        r"(of )?(the )?(rats|mice|mould|damp|noise|cockroaches|bugs|leak|state|repairs|smell|flood|"
        r"building work|cold|dark|stairs|lift|estate|broken|lock|door|window|neighbours? (noise|"
        r"music|dog)))",
        r"\b(controls|takes|took|keeps) (all )?(my|her|the) (money|wages|benefits|bank card|"
        r"pension)\b.*\b(wont let|doesnt let|not allowed|checks my phone|see my)\b|"
        r"\b(wont|doesnt|will not|does not) let (me|her) (see|leave|go out|have)\b",
        r"\b(checks|tracks|monitors) my (phone|location|messages)\b|\btracker on my\b",
        r"\b(hands|hand) (round|around) (my|her) (throat|neck)\b",
        r"\b(forces|forced|makes|made) (me|her) (to )?(have sex|sleep with him)\b|"
        r"\b(raped|rapes|rape) (me|her)\b",
        r"\b(refuge|safe place|somewhere safe|emergency housing) (\w+ ){0,5}(away from|because|"
        r"from) (my|an|her|his|the) (\w+ )?(abusive|violent|partner|husband|wife|boyfriend)",
        r"\b(fled|escaped|flee|fleeing|escape|escaping|get away from|away from) (my|an|her) "
        r"(\w+ )?(abusive|violent) ",
        r"\b(take|took|taking) the (kids|children) (\w+ ){0,6}(if i leave|and hurt)",
        r"\bstalk(s|ed|ing)? (me|her)\b",
        r"\bthreaten\w* (to )?(kill|hurt) (me|her|the kids|the children)\b",
        r"\b" + _WHO + r" (\w+ ){0,3}" + _VIOLENT + r" " + _PERSON_OBJ + r"\b(?! \w+ on (a|the)\b)",
        r"\b(controls|control|controlling) (my|her|his|all (my|her|the)) (money|finances|wages|"
        r"benefits|life|phone)\b",
        r"\b(is|gets|get|are|was) (violent|aggressive and violent|abusive) (to|towards|with) (me|"
        r"her|"
        r"him|us|my \w+)\b",
        r"\blocks? (me|her|him|us) in\b",
        r"\b(knock|knocks|knocked|knocking) (me|her|him|us|them|my \w+) (about|around)\b",
        r"\b(scared|afraid|frightened|terrified|too scared) (to leave|of leaving)\b",
        r"\b(push|pushed|pushes|pushing|held|holds|hold|holding|forced|forces|shoved) (my|her|his) "
        r"head (under|into|in|down) (the )?(\w+ )?(water|bath|sink|toilet|pillow)\b",
        r"\b(my|her) (ex|ex partner|ex husband|ex boyfriend|ex wife|ex girlfriend|partner|husband|"
        r"boyfriend|wife|girlfriend) (\w+ ){0,2}(smash|smashes|smashing|smashed|breaks|broke|"
        r"breaking|kicks|kicked|kicking) (in )?(my|our|her|the) (windows?|door|front door|car|"
        r"tyres)\b",
        r"\b(kill|hurt|murder|stab|batter|beat|harm) (me|her|us|you|the kids) if (i|she|we|you) ("
        r"tell|leave|go to|call|ring|report|speak|talk|say|try|ever)\b",
        r"\b(throws|threw|throwing|throw|chucks|chucked|hurls|hurled) (things|stuff|plates|cups|"
        r"objects|furniture|bottles|glasses|whatever) at (me|her|us|him|my \w+)\b",
        r"\b(threw|throws|throw|thrown|poured|pours|pour|chucked|chucks) (a )?(\w+ )?(boiling|hot|"
        r"scalding) (water|oil|tea|coffee|kettle|drink)\b|\b(boiling|hot|scalding) (water|oil|"
        r"tea|coffee|kettle) (over|on|at|in) (me|her|him|us|my|her|his)\b",
        r"\b(has|have|keeps|kept|took|takes|taken|hides|hid|hidden|holds|holding|locked away|"
        r"destroyed|burnt|burned) (all )?(my|her) (passport|documents|papers|visa|id|birth "
        r"certificate|residence permit|immigration papers)\b",
        r"\b(get|getting|got to get|need to get|want to get|run|running|escape|escaping) away "
        r"from (him|her|my (partner|husband|wife|boyfriend|girlfriend|ex|fella|bloke))\b(?! "
        r"(and|but)? ?(his|her) (noise|music|dog|car|parking))",
        r"\b(he|she|they|my ex|my partner|my husband|my wife|him|her ex|her partner) (has |have )?"
        r"(found out|knows|found|discovered|tracked down|worked out|will find out) where (i|we|"
        r"she|the kids) (am|are|is|live|lives|living|stay|staying|now live)\b|\b(refuge|safe "
        r"house)\b.*\b(found|knows where|turned up|outside|tracked)\b",
        r"\b(fled|escaped|left) (my|her|an|the) (abusive |violent )?(partner|husband|wife|"
        r"boyfriend|"
        r"girlfriend|ex)\b.*\b(found|followed|tracked|knows where|turned up)\b",
    ),
    "adult_at_risk": _rx(
        r"\b(?!.*\b(in|on) time\b)(carers?|care workers?|agency|staff|support workers?|care home|"
        r"nursing home|home care) (\w+ ){0,3}(havent|have not|hasnt|has not|didnt|did not|not|"
        r"never|dont|do not|"
        r"aint|isnt|wont) (been |come |turned up|visited|fed|come in|given|changed|turned)"
        r"\b.*\b(days|since|all (day|week|weekend)|a week|\d+ hours|24 hours|today|this morning"
        r"|yesterday|the weekend|cant get (up|out of bed)|no food|hungry)\b",
        r"\b(carers?|care workers?|agency|staff|support workers?|care home|nursing home|home)"
        r" (\w+ ){0,3}(steal\w*|stole|takes?|took|taking) (\w+ ){0,2}(money|pension|purse|"
        r"benefits|cards?)\b",
        r"\b(take|takes|took|taking|steal\w*|stole) (\w+ ){0,2}(her|his|my \w+s?|their) "
        r"(pension|benefits|money)\b",
        r"\b(financial(ly)?) abus\w*|\bsign over (his|her|the) (house|home|money)\b|"
        r"\bmaking (him|her|my \w+) sign\b|\bforc\w* (him|her|my \w+ \w+) to sign\b",
        r"\b(bed ?sores|pressure sores|dehydrated|malnourished|soiled|own mess|wet (clothes|"
        r"sheets|pad)|unchanged for days|left on the floor|on the floor all night)\b",
        r"\b(sit|sits|sat|sitting|kneel|kneels|knelt|kneeling) on (him|her|them|my \w+|"
        r"residents?)\b(?! (\w+ )?(bench|chair|sofa|bed|wall|step|floor))|\b(hold|holds|held|"
        r"holding|pin|pins|pinned|pinning) (him|her|them|my \w+|residents?) down\b",
        r"\b(ties|tied|tie|strapped|restrain\w*|sedat\w*) (\w+ ){0,3}(to the (chair|bed)|roughly|"
        r"to keep (her|him) quiet)\b|\bties (him|her|my \w+) to\b",
        r"\b(living|lives|left) in (filth|squalor)\b",
        r"\b(no|without|not been given|not given) (food|water|drink|medication|meds|"
        r"oxygen|care)\b(?! (pressure|waste|caddy|bins?|bank|hygiene))"
        r".*\b(days|since|all day|night|week|hours)\b",
        r"\b(elderly|frail|old (man|woman|lady|gentleman|couple)|pensioner|dementia|alzheimers|"
        r"disabled|vulnerable|bedbound|\d\d year old|nan|gran|granddad|confused)\b.*\b(no|"
        r"without|not got any|off|turned off|cut off) (heating|heat|food|electric|electricity)\b|"
        r"\b(no|without) (heating|heat)\b.*\b(elderly|frail|old (man|woman|lady)|pensioner|"
        r"dementia|alzheimers|disabled|vulnerable|bedbound|confused|\d\d year old)\b",
        r"\b(days|since (monday|tuesday|wednesday|thursday|friday|saturday|sunday|the weekend|"
        r"yesterday))\b.*\b(no food|nothing to eat|not eaten|hasnt eaten|no care|"
        r"no one (has )?(come|been)|nobody (has )?(come|been))\b",
        r"\b(cant|cannot|can not|unable to) (get out of bed|feed (himself|herself)|walk|move)\b"
        r".*\b(no one|nobody|days|hungry|nothing to eat|alone|left)\b",
        rf"\b{_ADULT}\b.*\b(being|been|is|are|gets|get) (\w+ )?(abused|neglected|mistreated|"
        rf"hit|hurt|exploited|bullied|robbed|scammed|threatened|taken advantage of)\b",
        rf"\b(carers?|staff|support worker|nurses?|care workers?)\b (\w+ ){{0,5}}{_HARM} "
        rf"{_PERSON_OBJ}",
        r"\b(scared|afraid|frightened|terrified) of (her|his|their|my \w+s?) (carer|carers|"
        r"support worker|son|grandson)\b",
        r"\btaken advantage of\b|\b(rough|rough and rude) with\b|\bused for (his|her) "
        r"(flat|house|money)\b",
        r"\bwont let (me|her|him) (out|leave)\b|\bkept (in|from leaving)\b",
        r"\bha(s|ve) (unexplained |bad |lots of )?(bruises|bruising|injuries|cuts)\b",
        r"\b(steal\w*|stole|taking|takes|took) (\w+ )?(money )?from (my|her|his|their|an?) (\w+ )?"
        r"(mum|dad|nan|gran|granddad|uncle|aunt|neighbour|brother|sister|son|daughter|father|"
        r"mother|grandfather|man|woman|lady)\b",
        r"\bleft (my \w+|her|him|them) on the floor\b",
        r"\b(no|without) (water|drinks?|food|meds|medication|medicine|oxygen|heating)\b"
        r"(?! (pressure|waste|caddy|bins?|bank|hygiene)).*\b(care home|"
        r"carers?|home|residents?|staff|agency|nursing)\b|\b(care home|carers?|residents?|staff|"
        r"agency|nursing)\b.*\b(no|without) (\w+ )?(water|drinks?|food|meds|medication|medicine|"
        r"oxygen)\b",
        r"\b(benefits|pension|money|savings) (are |is )?being (taken|stolen|spent)\b",
        r"\b(carers?|agency|care workers?) (just )?(dont|do not|never|wont|will not) (come|turn up|"
        r"show up|visit)\b",
        r"\b(rough|rough and rude|rude and rough|cruel|nasty) (to|with) (my|her|him|them|"
        r"the residents)\b",
        r"\bnot (been )?seen\b.*\b(freezing|cold|days|old|elderly|frail)\b",
        r"\bnot (being )?given (food|drink|water|meals|medication|meds|his meds|her meds)\b",
        r"\b(hasnt|has not|havent|have not|not) (eaten|had a meal|had food|"
        r"had anything)\b.*\b(days?|"
        r"week|since)\b",
        r"\b(wrong|missed) (meds|medication|medicines)\b.*\b(covered|poorly|ill|hospital|"
        r"collapsed)\b",
        r"\b(isnt|is not|not|wont|doesnt|dont|arent|are not|never) (giving|give|given) "
        r"(my |her |his |their |the )?(\w+ ){0,2}(insulin|medication|meds|medicine|tablets|food|"
        r"water|drinks?|pain relief|oxygen)\b",
        r"\b(leave|leaves|left|leaving) (her|him|them|my \w+|the residents) (in pain|"
        r"in bed all day|"
        r"in the dark|unwashed|hungry|thirsty|without (food|water|care|help|washing)|in soiled|"
        r"in (his|her|their) own (mess|urine|faeces))\b",
        r"\b(laugh|laughs|laughing|mock|mocks|mocking|shout|shouts|shouting|swear|swears) at "
        r"(my |her |him |them |the )?(nan|gran|granddad|mum|dad|mother|father|residents?|"
        r"patients?|aunt|uncle|brother|sister|her|him|them)\b.*\b(leave|left|pain|hurt|cry|"
        r"crying|scared|frightened|rough|hit|push)\w*\b",
        r"\b(not|hasnt|havent|never) (been )?(washed|fed|changed|turned|bathed|checked on|seen to)"
        r" (\w+ ){0,4}(days|since|week|all day|all night)\b",
        r"\b(dementia|alzheimers)\b.*\b(wandering|wanders|alone|no one|nobody|left)\b.*\b(night|"
        r"streets?|days|caring|care|looking after|looks after)\b",
        r"\b(hitting|hits|hit|beating|beats|slapping|pushing|hurting|hurts|abusing|abuses) "
        r"(my |her |his )?(disabled|elderly|frail|blind|deaf|vulnerable|old) \w+\b",
        r"\b(broken|fractured|snapped) (arm|leg|wrist|hip|ribs?|bones?|nose|jaw)\b.*\b(no one|"
        r"nobody|cant|can not|cannot|wont|unexplained|not explained)\b",
        r"\bunexplained (injuries|injury|bruises|bruising|fractures?|burns|marks)\b",
        r"\b(shouting|calling|screaming|crying|ringing|pressing (the|their) (bell|buzzer))( out)? "
        r"for help\b.*\b(hours|nobody|no one|all night|ignored|never comes|no one comes)\b",
        r"\b(nobody|no one|noone) (feeds|fed|washes|washed|changes|changed|checks on|checked on|"
        r"looks after|looked after|helps|toilets|turns) (me|her|him|them|my \w+)\b",
        r"\b(hasnt|has not|havent|have not|not|never|didnt|did not) (had|been given|got|received)"
        r" (his|her|their|my|any|the) (\w+ )?(insulin|meds|medication|medicine|tablets|food|"
        r"meals?|dinner|water|drinks?|oxygen|injections?)\b.*\b(days|since|week|all day|"
        r"all night|24 hours|\d+ hours)\b",
        r"\b(moved|moving|move|moves) (in|into) (\w+ ){0,4}(flat|house|home|place)\b.*\b(sell\w*|"
        r"deal\w*|drugs|wont leave|will not leave|taken over|terrified|scared|using (it|her flat|"
        r"his flat|the flat))\b|\b(taken over|took over|taking over|takes over) (his|her|their|my "
        r"\w+s?|a \w+s?) (\w+ )?(flat|house|home)\b|\b(flat|house|home) (has been|was|is being|"
        r"got) taken over\b",
        r"\b(steal\w*|stole|taking|takes|took) (\w+ )?(money|cash|cards?) (out )?(of|from) (his|"
        r"her|their|my \w+s?) (purse|wallet|bank|account|handbag|tin)\b",
        r"\b(takes|took|taking|hides|hid|hiding|removes|removed) (away )?(her|his|their|my \w+s?)"
        r" (wheelchair|chair|walking frame|frame|walking stick|stick|crutches|hearing aids?|"
        r"glasses|phone|alarm|pendant)( away)?\b.*\b(cant|can not|cannot|so|unable|wont)\b",
        r"\b(make|makes|made|forced|force|forces|forcing) (him|her|them|me|my \w+) (to )?sleep (on"
        r" the floor|in the (garage|shed|garden|car|kitchen|hall|cupboard|bath|corridor))\b",
        r"\b(hasnt|has not|havent|have not|not) (been )?seen\b.*\b(freezing|cold|days|week|old|"
        r"elderly|frail|heating|cant walk|food)\b",
        r"\b(shoving|pushing|throwing|dragging|knocking|pulling|shoves|pushes|drags|knocks) "
        r"(her|him|them|my \w+|residents?|patients?) (around|about)\b",
    ),
}


def match(prepared: str) -> str | None:
    """The first category whose rules match the prepared text, or None."""
    for category in _ORDER:
        if RULES[category].search(prepared):
            return category
    return None
