"""Given names that mark a person's gender, for pronoun agreement in quote attribution.

"He said" cannot refer back to "Michelle Obama", nor "she said" to "Jared Kushner": the quote reader
(:mod:`corroborate.attribution.quotes`) skips an antecedent whose first name, or honorific, says otherwise.
Only names that are overwhelmingly of one gender in English-language news are listed; a name missing from
both lists (or on neither, like "Jordan" or "Kim") leaves the person's gender unknown, which agrees with any
pronoun.
"""

from __future__ import annotations

_FEMALE_TEXT = """
abigail ada agnes alexandra alice alison amanda amy angela angelina ann anna anne annie barbara betsy
betty beverly brenda bridget carla carol caroline carolyn catherine cathy charlotte cheryl christina christine
claire claudette claudia cynthia daisy deborah debbie debra denise diana diane donna doris dorothy edith eileen
elaine eleanor elena elisabeth elizabeth ellen emily emma erin eva evelyn fiona frances gabrielle gina gloria
grace hannah harriet heather heidi helen hillary ingrid irene isabel jacqueline jane janet janice jeanne
jennifer jessica jill joan joanna joni josephine joyce judith judy julia julie karen kate katherine kathleen
kathryn katie kay kellyanne kirsten kristen laura lauren linda lisa liz lois lorraine louise lucy
madeleine malia margaret maria marie marilyn marsha martha mary maureen megan melania melissa michele michelle
monica nancy natalie nicole nikki nora olivia pamela patricia paula pauline penelope priti rachel
rebecca rita rosa rosie ruth sally samantha sandra sarah sharon sheila shirley sonia sophie stacy
stephanie susan suzanne sylvia tammy teresa theresa thelma tina valerie victoria virginia wendy whoopi
yvonne
"""

_MALE_TEXT = """
aaron adam alan albert alexander alfred andrew anthony arthur barack barry ben benjamin bernard bernie bill
billy bob bobby boris brad brian bruce carl charles charlie christopher chuck colin craig dan daniel
darrell dave david dennis dick don donald doug douglas earl ed edward eric frank fred gary george gerald
gordon greg gregory harold harry henry hugh ian jack jacob jake james jared jason jeb jeff jeffrey jeremy jerry
jim jimmy joe john johnny jon jonathan joseph josh juan keith ken kenneth kevin larry lawrence leon louis
luke marco mark martin matt matthew michael mike mitch mitt neil newt nicholas nick nigel noah oliver patrick
paul peter phil philip ralph randy ray raymond richard rick rob robert roger ron ronald roy russell ryan
samuel scott sean seth sid simon stephen steve steven stuart ted thomas tim timothy todd tom tony trey
victor vincent walter wayne william
"""
FEMALE_NAMES = frozenset(_FEMALE_TEXT.split())
MALE_NAMES = frozenset(_MALE_TEXT.split())
# Either list: where a name starts ("Secretary of Commerce Gary Locke"), whatever its gender.
GIVEN_NAMES = FEMALE_NAMES | MALE_NAMES

#: Honorifics that mark a gender ("Mr. Trump" is not Melania Trump).
# (With the kin words a family's nickname opens with: "Uncle Poodle", "Aunt Bee" say their bearer's sex too.)
FEMALE_HONORIFICS = frozenset({"mrs", "ms", "miss", "mme", "mlle", "lady", "dame", "sra", "aunt", "auntie", "grandma",
                               "granny"})
MALE_HONORIFICS = frozenset({"mr", "sir", "lord", "herr", "sr", "uncle", "grandpa"})
