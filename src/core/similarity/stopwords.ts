/**
 * Words that say nothing about what a need is about, folded (lower case, no accents).
 * French function words first, then the filler of questions posted on a cluster's board
 * ("qui a déjà…", "retours d'expérience", "par où commencer"), which every need shares.
 */
const FUNCTION_WORDS = `a au aux avec ce ces cet cette c ca d dans de des du elle elles en et eux il ils
je j la le les leur leurs l lui ma mais me m meme mes moi mon ne n ni nos notre nous on ou par pas pour
qu que quel quelle quelles quels qui quoi sa se s ses si son sur ta te t tes toi ton tu un une vos votre
vous y est sont ete etre avoir ai as avons avez ont a eu sera seront etait plus moins tres tout tous
toute toutes autre autres aussi bien ceux celle celles cela ceci dont donc car ainsi chez entre vers
sans sous apres avant depuis pendant lors alors encore deja comme`;

const NEED_FILLER = `besoin besoins cherche cherchons chercher recherche recherchons question questions
quelqu quelqu'un quelqu un personne interesse interessee interesses idee idees piste pistes conseil conseils
avis solution solutions comment pourquoi combien faire fait faut peut pouvez peuvent mettre mise place
passer commencer ou retour retours experience experiences utile utilisez utiliser aide aider aidez
entreprise entreprises societe adherent adherents membre membres cluster grappe pme tpe eti
vecu ensemble quelles quels nouveau nouvelle nouveaux nos trouver premiers premier pas`;

export const STOP_WORDS: ReadonlySet<string> = new Set(`${FUNCTION_WORDS} ${NEED_FILLER}`.split(/\s+/).filter(Boolean));

/**
 * Words that frame a need rather than name its subject ("réduire", "améliorer", "mettre en place"):
 * they count, at half weight, so that two needs on different subjects framed alike stay apart.
 */
export const FRAMING_WORDS: ReadonlySet<string> = new Set(
  `reduire reduction ameliorer amelioration optimiser optimisation realiser mesurer choisir choix obtenir
  developper developpement accompagner accompagnement preparer prevention prevenir gerer gestion organiser
  remplacer demarche outil outils pieces piece clients client projet projets mettre place renegocier calcul
  calculer suivre suivi limiter baisser baisse prix cout couts`
    .split(/\s+/)
    .filter(Boolean),
);
