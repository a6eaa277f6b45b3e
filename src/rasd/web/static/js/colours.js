// One colour per sub-event type, shared by the map, its legend and the timeline.

const FIXED = {
  "Air/drone strike": "#d1495b",
  "Shelling/artillery/missile attack": "#edae49",
  "Remote explosive/landmine/IED": "#8d5a97",
  "Suicide bomb": "#5c2a2a",
  "Grenade": "#b56576",
  "Armed clash": "#00798c",
  "Attack": "#30638e",
  "Abduction/forced disappearance": "#6d597a",
  "Disrupted weapons use": "#7a9e7e",
  "Arrests": "#4f6d7a",
  "Other": "#8a8a8a",
};
const SPARE = ["#2a9d8f", "#e76f51", "#264653", "#f4a261", "#9c6644", "#577590"];

export function colour(type) {
  if (!type) return "#8a8a8a";
  if (FIXED[type]) return FIXED[type];
  let hsh = 0;
  for (const ch of type) hsh = (hsh * 31 + ch.codePointAt(0)) >>> 0;
  return SPARE[hsh % SPARE.length];
}
