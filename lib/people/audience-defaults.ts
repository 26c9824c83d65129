// Who the plan's notification lines mean, as far as the configured teams and contacts can say.

export interface AudienceCandidates {
  teams: { id: string; key: string }[];
  contacts: { id: string; emergencyKey: string | null }[];
}

export interface Audience {
  teamIds: string[];
  contactIds: string[];
}

/**
 * The default audience for a severity's notification line ("All stakeholders", "Technical team",
 * ...), or null for a line the plan does not use. The technical teams are blockchain and
 * infrastructure, or every team where neither exists; the system administrator is the
 * infrastructure team, or the primary contact where there is none.
 */
export function defaultAudience(notification: string, { teams, contacts }: AudienceCandidates): Audience | null {
  const teamIds = (...keys: string[]) => teams.filter((team) => keys.includes(team.key)).map((team) => team.id);
  const emergency = (...keys: string[]) => contacts.filter((contact) => contact.emergencyKey !== null && keys.includes(contact.emergencyKey)).map((contact) => contact.id);
  const named = teamIds("blockchain", "infrastructure");
  const technical = named.length > 0 ? named : teams.map((team) => team.id);

  switch (notification.trim().replace(/\s+/g, " ").toLowerCase()) {
    case "all stakeholders":
      return { teamIds: teams.map((team) => team.id), contactIds: contacts.filter((contact) => contact.emergencyKey !== null).map((contact) => contact.id) };
    case "technical team and management":
      return { teamIds: technical, contactIds: emergency("primary", "secondary") };
    case "technical team":
      return { teamIds: technical, contactIds: [] };
    case "system administrator": {
      const infrastructure = teamIds("infrastructure");
      return infrastructure.length > 0 ? { teamIds: infrastructure, contactIds: [] } : { teamIds: [], contactIds: emergency("primary") };
    }
    default:
      return null;
  }
}
