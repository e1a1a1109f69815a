/**
 * Admin words from the admin's first language inside an English request (issue 15, round 18): people who write
 * English as a second language keep the word they use every day for the action or the record — Portuguese
 * "desbanir" (unban), "derrubar a sessão" (end the session), "o convite" (the invitation), Spanish "desbloquear",
 * French "supprimer". The typo corrector cannot reach them (they are no misspelling of an English word, and
 * "banir" is one letter from "ban" in the wrong direction: "desbanir" corrected by distance reads as "ban"). One
 * table of whole words, applied with the chat-speak table, so every later reader sees the English word.
 *
 * Only words that have no English meaning of their own and one admin meaning: "liberar"/"libérer" (to free an
 * account) becomes "restore access for", which the planner reads as lifting whatever stops the sign-in (a ban or a
 * lock, as the account shows) instead of guessing which. Romance languages only: the words a verb can be said with
 * are many, and these are the ones met in requests.
 */

const WORDS: Readonly<Record<string, string>> = {
  // Undoing a sanction first: the prefix "des-"/"dé-" is the "un-" a distance-based corrector would drop.
  desbanir: 'unban',
  desbanear: 'unban',
  débannir: 'unban',
  debannir: 'unban',
  desbloquear: 'unblock',
  débloquer: 'unblock',
  debloquer: 'unblock',
  banir: 'ban',
  banear: 'ban',
  bannir: 'ban',
  bloquear: 'block',
  bloquer: 'block',
  // (Freeing an account is letting it sign in again, whichever of a ban or a lock stops it.)
  liberar: 'restore access for',
  libérer: 'restore access for',
  // Ending and removing.
  derrubar: 'revoke',
  cancelar: 'cancel',
  annuler: 'cancel',
  excluir: 'delete',
  deletar: 'delete',
  apagar: 'delete',
  borrar: 'delete',
  eliminar: 'delete',
  supprimer: 'delete',
  remover: 'remove',
  retirer: 'remove',
  // Adding and inviting.
  adicionar: 'add',
  agregar: 'add',
  añadir: 'add',
  anadir: 'add',
  ajouter: 'add',
  convidar: 'invite',
  invitar: 'invite',
  // Changing.
  renomear: 'rename',
  renombrar: 'rename',
  renommer: 'rename',
  // The records.
  convite: 'invitation',
  convites: 'invitations',
  invitación: 'invitation',
  invitacion: 'invitation',
  invitaciones: 'invitations',
  sessão: 'session',
  sessao: 'session',
  sessões: 'sessions',
  sesión: 'session',
  sesion: 'session',
  sesiones: 'sessions',
  usuário: 'user',
  usuária: 'user',
  usuario: 'user',
  usuaria: 'user',
  usuários: 'users',
  usuarios: 'users',
  utilisateur: 'user',
  organização: 'organization',
  organizacion: 'organization',
  organización: 'organization',
};

const WORD = /(?<![\p{L}\p{N}'’.@_/-])[\p{L}]+(?![\p{L}\p{N}'’@_/-])/gu;

/** The masked message with first-language admin words said in English. */
export function withLoanwords(masked: string): string {
  return masked.replace(WORD, (word) => {
    const to = WORDS[word.toLowerCase()];
    if (!to) return word;
    return /^\p{Lu}/u.test(word) ? to[0]!.toUpperCase() + to.slice(1) : to;
  });
}
