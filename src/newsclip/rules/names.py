"""Common given names, used to tell a bare personal name ("Will Knight") from a bare heading
("Neueste Kommentare") when a page prints the author's name with no "By" in front.

Only lines that are nothing but a name are checked against this list; bylines with a
byline word ("By", "von", "par") never need it. Compared casefolded.
"""

GIVEN_NAMES: frozenset[str] = frozenset(
    name.casefold()
    for name in """
Aaron Abigail Adam Adrian Adriana Agnes Aidan Alan Albert Alberto Alejandro Alex Alexander Alexandra
Alexandre Alexis Alfred Ali Alice Alicia Alina Alison Amanda Amelia Amelie Amy Ana Anders Andrea Andreas
Andrew Andrés Andy Angela Angelika Angelo Anita Ann Anna Anne Annette Annika Anthony Antoine Anton Antonio
Arne Arthur Astrid Aurélie Axel Barbara Bart Beate Beatrice Ben Benedikt Benjamin Bernard Bernd Bert
Bettina Bianca Bill Birgit Björn Bob Boris Brad Brandon Brian Bridget Bruce Bruno Bryan Camila Camille
Carl Carla Carlos Carmen Carol Caroline Catherine Cecilia Charles Charlotte Chloe Chris Christian
Christina Christine Christoph Christopher Claire Clara Claudia Claudio Colin Connor Conor Constanze
Cornelia Craig Dan Daniel Daniela Daniele Danielle Dario David Dean Deborah Denis Dennis Diana Diego
Dieter Dirk Dominic Dominik Donald Doris Dorothea Doug Douglas Dylan Ed Eddie Edward Eleanor Elena Eli
Elias Elisa Elisabeth Elizabeth Ella Ellen Emil Emilia Emily Emma Enrico Eric Erik Erika Ernst Esther
Ethan Eva Evan Fabian Fabio Federico Felix Fernando Filip Finn Florian Francesca Francesco Francis
Francisco Frank Franz Franziska Fred Frederik Friedrich Gabriel Gabriela Gabriele Gareth Gary Gavin
Georg George Gerald Gerhard Gianluca Gina Giorgio Giovanni Giulia Giuseppe Grace Graham Greg Gregor
Gregory Guido Günter Hana Hanna Hannah Hans Harald Harry Heather Heike Heinz Helen Helena Helga Helmut
Henrik Henry Herbert Hugo Ian Ibrahim Ida Ilse Ines Inga Ingrid Irene Isaac Isabel Isabella Isabelle Ivan
Jack Jacob Jacques Jake James Jamie Jan Jana Jane Janet Janic Janina Jason Javier Jean Jeff Jennifer
Jens Jeremy Jessica Jim Joachim Joan Joanna Jochen Joe Johann Johanna Johannes John Jonas Jonathan Jordan
Jorge Jose José Josef Joseph Josh Joshua Juan Judith Julia Julian Juliane Julie Julien Julius Jürgen
Justin Karen Karin Karl Katharina Kathrin Katie Katrin Kevin Kim Klaus Konrad Kristina Kurt Lara Lars
Laura Lauren Laurent Lea Lena Leo Leon Leonie Liam Lina Linda Lisa Logan Lorenzo Louis Louise Luca Lucas
Lucia Lucy Ludwig Luis Luisa Lukas Luke Magdalena Maja Manfred Manuel Manuela Marc Marcel Marco Marcus
Margaret Maria Marie Marina Mario Marion Mark Markus Marta Martin Martina Mary Mathias Matt Matteo
Matthew Matthias Max Maximilian Megan Melanie Melissa Mia Michael Michaela Michel Michele Michelle Miguel
Mike Mila Miriam Mohamed Mohammed Monika Nadia Nadine Natalie Nathalie Nathan Nick Nicolas Nicole
Niklas Nikolai Nils Nina Noah Nora Norbert Oliver Olivia Oscar Oskar Pablo Paolo Pascal Patricia
Patrick Paul Paula Pauline Pedro Peter Petra Philip Philipp Pierre Pietro Rachel Rafael Ralf Ralph
Ramona Raphael Rebecca Reiner Reinhard René Richard Rita Robert Roberto Robin Roger Roland Roman Rosa
Ruth Ryan Sabine Sam Samuel Sandra Sara Sarah Sascha Scott Sean Sebastian Sergio Simon Simone Sofia
Sonia Sophia Sophie Stefan Stefanie Steffen Steffi Stephan Stephanie Stephen Steve Steven Susan
Susanne Svenja Tanja Teresa Thomas Tim Timo Tina Tobias Todd Tom Tomas Tony Torsten Ulrich Ulrike Uta
Ute Valentina Vanessa Vera Victor Victoria Vincent Walter Werner Will William Wolfgang Xavier Yannick
Yvonne Zoe
""".split()
)

#: Function words that open headings in many languages and never a personal name
#: ("Im Schlepptau", "Les Échos", "El Nacional").
NOT_NAME_OPENERS: frozenset[str] = frozenset(
    """
im in der die das des dem den ein eine einer eines mit und für auf aus zum zur vom bei nach über unter
le la les un une des du au aux et en sur pour par avec dans
el los las lo un una unos unas con por para sin sobre del al
il lo gli le uno una dei degli delle con per su tra fra
het een en op voor met naar
the a an and of in on for with to at by from
""".split()
)
