#!/usr/bin/env python3
"""Generate data/gazetteer/countries.tsv from Debian's iso-codes plus the curated table below.

The committed TSV is the source of truth and may be hand-corrected afterwards; this script only
gives a reproducible starting point. Usage:

    python3 scripts/gen_countries.py > data/gazetteer/countries.tsv

Curated rows: CODE | short name | aliases | adjectives and demonyms | metonyms (capital first).
Lists inside a field are separated by ';'. An empty short name means "use the ISO name".
"""
import json
import sys

ISO = "/usr/share/iso-codes/json/iso_3166-1.json"

CURATED = r"""
ABW | Aruba | | Aruban;Arubans | Oranjestad
AFG | Afghanistan | | Afghan;Afghans | Kabul
AGO | Angola | | Angolan;Angolans | Luanda
AIA | Anguilla | | Anguillan;Anguillans |
ALA | Aland Islands | Aland | Alander;Alanders | Mariehamn
ALB | Albania | | Albanian;Albanians | Tirana;Tirane
AND | Andorra | | Andorran;Andorrans | Andorra la Vella
ARE | United Arab Emirates | UAE;U.A.E.;the Emirates;Emirates | Emirati;Emiratis | Abu Dhabi
ARG | Argentina | | Argentine;Argentines;Argentinian;Argentinians;Argentinean | Buenos Aires;Casa Rosada
ARM | Armenia | | Armenian;Armenians | Yerevan
ASM | American Samoa | | American Samoan;American Samoans | Pago Pago
ATA | Antarctica | | Antarctic |
ATF | French Southern Territories | French Southern and Antarctic Lands | |
ATG | Antigua and Barbuda | Antigua | Antiguan;Antiguans;Barbudan | St John's;Saint John's
AUS | Australia | Commonwealth of Australia | Australian;Australians;Aussie;Aussies | Canberra
AUT | Austria | | Austrian;Austrians | Vienna;Wien;Ballhausplatz
AZE | Azerbaijan | | Azerbaijani;Azerbaijanis;Azeri;Azeris | Baku
BDI | Burundi | | Burundian;Burundians | Gitega;Bujumbura
BEL | Belgium | | Belgian;Belgians | Brussels
BEN | Benin | Dahomey | Beninese;Beninois | Porto-Novo;Cotonou
BES | Caribbean Netherlands | Bonaire;Sint Eustatius;Saba;Bonaire, Sint Eustatius and Saba | Bonairean | Kralendijk
BFA | Burkina Faso | Burkina;Upper Volta | Burkinabe;Burkinabes | Ouagadougou
BGD | Bangladesh | | Bangladeshi;Bangladeshis | Dhaka;Dacca
BGR | Bulgaria | | Bulgarian;Bulgarians | Sofia
BHR | Bahrain | | Bahraini;Bahrainis | Manama
BHS | Bahamas | the Bahamas | Bahamian;Bahamians | Nassau
BIH | Bosnia and Herzegovina | Bosnia;Bosnia-Herzegovina;Bosnia and Hercegovina | Bosnian;Bosnians;Herzegovinian | Sarajevo
BLM | Saint Barthelemy | St Barts;St. Barts;Saint Barts;St Barthelemy | Barthelemois | Gustavia
BLR | Belarus | Byelorussia;Belorussia | Belarusian;Belarusians;Belarussian;Byelorussian;Belorussian | Minsk
BLZ | Belize | British Honduras | Belizean;Belizeans | Belmopan
BMU | Bermuda | | Bermudian;Bermudians;Bermudan | Hamilton (Bermuda)
BOL | Bolivia | Plurinational State of Bolivia | Bolivian;Bolivians | La Paz;Sucre
BRA | Brazil | | Brazilian;Brazilians | Brasilia;Planalto
BRB | Barbados | | Barbadian;Barbadians;Bajan;Bajans | Bridgetown
BRN | Brunei | Brunei Darussalam | Bruneian;Bruneians | Bandar Seri Begawan
BTN | Bhutan | | Bhutanese | Thimphu
BVT | Bouvet Island | | |
BWA | Botswana | | Botswanan;Motswana;Batswana | Gaborone
CAF | Central African Republic | | Central African;Central Africans | Bangui
CAN | Canada | | Canadian;Canadians | Ottawa
CCK | Cocos (Keeling) Islands | Cocos Islands;Keeling Islands | Cocos Islander | West Island (Cocos Islands)
CHE | Switzerland | Swiss Confederation | Swiss | Bern;Berne
CHL | Chile | | Chilean;Chileans | Santiago;La Moneda
CHN | China | People's Republic of China;PRC;P.R.C.;mainland China;Red China;Communist China | Chinese | Beijing;Peking;Zhongnanhai
CIV | Ivory Coast | Cote d'Ivoire;Republic of Cote d'Ivoire | Ivorian;Ivorians;Ivoirian | Yamoussoukro;Abidjan
CMR | Cameroon | | Cameroonian;Cameroonians | Yaounde
COD | Democratic Republic of the Congo | DR Congo;DRC;D.R.C.;Congo-Kinshasa;Democratic Republic of Congo;DR of Congo;Zaire | Congolese;Zairean;Zairian | Kinshasa
COG | Republic of the Congo | Congo;Congo-Brazzaville;Republic of Congo | Congolese | Brazzaville
COK | Cook Islands | | Cook Islander;Cook Islanders | Avarua
COL | Colombia | | Colombian;Colombians | Bogota;Casa de Narino
COM | Comoros | the Comoros;Union of the Comoros | Comorian;Comorians | Moroni
CPV | Cape Verde | Cabo Verde | Cape Verdean;Cape Verdeans;Cabo Verdean | Praia
CRI | Costa Rica | | Costa Rican;Costa Ricans | San Jose
CUB | Cuba | | Cuban;Cubans | Havana
CUW | Curacao | | Curacaoan | Willemstad
CXR | Christmas Island | | Christmas Islander | Flying Fish Cove
CYM | Cayman Islands | the Caymans;Caymans | Caymanian;Caymanians | George Town
CYP | Cyprus | | Cypriot;Cypriots;Greek Cypriot;Greek Cypriots | Nicosia
CZE | Czech Republic | Czechia | Czech;Czechs | Prague;Prague Castle
DEU | Germany | Federal Republic of Germany;FRG;West Germany | German;Germans;West German;West Germans | Berlin;Bonn;Chancellery (Germany)
DJI | Djibouti | | Djiboutian;Djiboutians | Djibouti City
DMA | Dominica | Commonwealth of Dominica | | Roseau
DNK | Denmark | | Danish;Dane;Danes | Copenhagen;Christiansborg
DOM | Dominican Republic | | Dominican;Dominicans | Santo Domingo
DZA | Algeria | | Algerian;Algerians | Algiers
ECU | Ecuador | | Ecuadorian;Ecuadorians;Ecuadorean | Quito
EGY | Egypt | Arab Republic of Egypt | Egyptian;Egyptians | Cairo
ERI | Eritrea | | Eritrean;Eritreans | Asmara
ESH | Western Sahara | Sahrawi Arab Democratic Republic | Sahrawi;Sahrawis;Saharawi | Laayoune;El Aaiun
ESP | Spain | | Spanish;Spaniard;Spaniards | Madrid;Moncloa
EST | Estonia | | Estonian;Estonians | Tallinn
ETH | Ethiopia | | Ethiopian;Ethiopians | Addis Ababa
FIN | Finland | | Finnish;Finn;Finns | Helsinki
FJI | Fiji | | Fijian;Fijians | Suva
FLK | Falkland Islands | Falklands;Malvinas;Islas Malvinas;Falkland Islands (Malvinas) | Falkland Islander;Falkland Islanders | Stanley (Falklands);Port Stanley
FRA | France | French Republic | French;Frenchman;Frenchmen;Frenchwoman | Paris;Elysee;Elysee Palace;Quai d'Orsay;Matignon
FRO | Faroe Islands | Faroes;Faeroe Islands | Faroese | Torshavn
FSM | Micronesia | Federated States of Micronesia | Micronesian;Micronesians | Palikir
GAB | Gabon | Gabonese Republic | Gabonese | Libreville
GBR | United Kingdom | UK;U.K.;Britain;Great Britain;United Kingdom of Great Britain and Northern Ireland | British;Briton;Britons;Brit;Brits;Englishman | London;Downing Street;Number 10;No 10;No. 10;Number Ten;Whitehall;Westminster
GEO | Georgia | Sakartvelo | Georgian;Georgians | Tbilisi
GGY | Guernsey | | Guernseyman | St Peter Port
GHA | Ghana | | Ghanaian;Ghanaians | Accra
GIB | Gibraltar | | Gibraltarian;Gibraltarians |
GIN | Guinea | Guinea-Conakry;Republic of Guinea | Guinean;Guineans | Conakry
GLP | Guadeloupe | | Guadeloupean | Basse-Terre
GMB | Gambia | the Gambia | Gambian;Gambians | Banjul
GNB | Guinea-Bissau | | Bissau-Guinean;Bissau-Guineans | Bissau
GNQ | Equatorial Guinea | | Equatorial Guinean;Equatoguinean | Malabo
GRC | Greece | Hellenic Republic;Hellas | Greek;Greeks;Hellenic | Athens
GRD | Grenada | | Grenadian;Grenadians | St George's
GRL | Greenland | | Greenlander;Greenlanders;Greenlandic | Nuuk;Godthab
GTM | Guatemala | | Guatemalan;Guatemalans | Guatemala City
GUF | French Guiana | | French Guianese | Cayenne
GUM | Guam | | Guamanian;Guamanians | Hagatna;Agana
GUY | Guyana | | Guyanese | Georgetown
HKG | Hong Kong | Hong Kong SAR | Hong Konger;Hong Kongers |
HMD | Heard Island and McDonald Islands | | |
HND | Honduras | | Honduran;Hondurans | Tegucigalpa
HRV | Croatia | | Croatian;Croatians;Croat;Croats | Zagreb
HTI | Haiti | | Haitian;Haitians | Port-au-Prince
HUN | Hungary | | Hungarian;Hungarians;Magyar | Budapest
IDN | Indonesia | | Indonesian;Indonesians | Jakarta;Djakarta
IMN | Isle of Man | | Manx | Douglas (Isle of Man)
IND | India | Bharat | Indian;Indians | New Delhi;Delhi
IOT | British Indian Ocean Territory | Chagos Islands;Chagos Archipelago | Chagossian;Chagossians | Diego Garcia
IRL | Ireland | Republic of Ireland;Eire;Irish Republic | Irish;Irishman;Irishmen | Dublin
IRN | Iran | Islamic Republic of Iran;Persia | Iranian;Iranians;Persian | Tehran;Teheran
IRQ | Iraq | | Iraqi;Iraqis | Baghdad
ISL | Iceland | | Icelandic;Icelander;Icelanders | Reykjavik
ISR | Israel | State of Israel | Israeli;Israelis | Jerusalem;Tel Aviv
ITA | Italy | Italian Republic | Italian;Italians | Rome;Palazzo Chigi;Farnesina
JAM | Jamaica | | Jamaican;Jamaicans | Kingston
JEY | Jersey | | Jerseyman | St Helier
JOR | Jordan | Hashemite Kingdom of Jordan | Jordanian;Jordanians | Amman
JPN | Japan | | Japanese | Tokyo
KAZ | Kazakhstan | Kazakstan | Kazakh;Kazakhs;Kazakhstani;Kazakhstanis | Astana;Nur-Sultan;Almaty;Alma-Ata
KEN | Kenya | | Kenyan;Kenyans | Nairobi
KGZ | Kyrgyzstan | Kyrgyz Republic;Kirghizia;Kirgizia | Kyrgyz;Kyrgyzstani;Kirghiz | Bishkek
KHM | Cambodia | Kampuchea | Cambodian;Cambodians;Khmer | Phnom Penh
KIR | Kiribati | | I-Kiribati | Tarawa;South Tarawa
KNA | Saint Kitts and Nevis | St Kitts and Nevis;St. Kitts and Nevis;St Kitts | Kittitian;Kittitians;Nevisian | Basseterre
KOR | South Korea | Republic of Korea;ROK;R.O.K.;Korea;Korea, Republic of | South Korean;South Koreans;Korean;Koreans | Seoul;Blue House;Cheong Wa Dae
KWT | Kuwait | State of Kuwait | Kuwaiti;Kuwaitis | Kuwait City
LAO | Laos | Lao People's Democratic Republic;Lao PDR | Laotian;Laotians;Lao | Vientiane
LBN | Lebanon | Lebanese Republic | Lebanese | Beirut;Baabda
LBR | Liberia | | Liberian;Liberians | Monrovia
LBY | Libya | Libyan Arab Jamahiriya;Jamahiriya | Libyan;Libyans | Tripoli
LCA | Saint Lucia | St Lucia;St. Lucia | Saint Lucian;St Lucian;Saint Lucians | Castries
LIE | Liechtenstein | | Liechtensteiner;Liechtensteiners | Vaduz
LKA | Sri Lanka | Ceylon | Sri Lankan;Sri Lankans | Colombo;Sri Jayawardenepura Kotte
LSO | Lesotho | | Basotho;Mosotho | Maseru
LTU | Lithuania | | Lithuanian;Lithuanians | Vilnius
LUX | Luxembourg | Grand Duchy of Luxembourg | Luxembourger;Luxembourgers;Luxembourgish | Luxembourg City
LVA | Latvia | | Latvian;Latvians | Riga
MAC | Macau | Macao | Macanese | 
MAF | Saint Martin | St Martin;St. Martin;Saint Martin (French part) | Saint-Martinoise | Marigot
MAR | Morocco | Kingdom of Morocco | Moroccan;Moroccans | Rabat
MCO | Monaco | Principality of Monaco | Monegasque;Monegasques | Monaco-Ville
MDA | Moldova | Republic of Moldova;Moldavia | Moldovan;Moldovans | Chisinau;Kishinev
MDG | Madagascar | | Malagasy;Madagascan | Antananarivo
MDV | Maldives | the Maldives | Maldivian;Maldivians | Male (Maldives)
MEX | Mexico | United Mexican States | Mexican;Mexicans | Mexico City;Los Pinos
MHL | Marshall Islands | | Marshallese | Majuro
MKD | North Macedonia | Macedonia;Republic of North Macedonia;Former Yugoslav Republic of Macedonia;FYROM;F.Y.R.O.M. | Macedonian;Macedonians | Skopje
MLI | Mali | | Malian;Malians | Bamako
MLT | Malta | | Maltese | Valletta
MMR | Myanmar | Burma;Republic of the Union of Myanmar | Burmese;Myanmarese | Naypyidaw;Nay Pyi Taw;Naypyitaw;Rangoon;Yangon
MNE | Montenegro | | Montenegrin;Montenegrins | Podgorica
MNG | Mongolia | | Mongolian;Mongolians | Ulaanbaatar;Ulan Bator
MNP | Northern Mariana Islands | Northern Marianas | Northern Mariana Islander | Saipan
MOZ | Mozambique | | Mozambican;Mozambicans | Maputo
MRT | Mauritania | | Mauritanian;Mauritanians | Nouakchott
MSR | Montserrat | | Montserratian | Plymouth (Montserrat);Brades
MTQ | Martinique | | Martiniquais | Fort-de-France
MUS | Mauritius | | Mauritian;Mauritians | Port Louis
MWI | Malawi | | Malawian;Malawians | Lilongwe
MYS | Malaysia | | Malaysian;Malaysians | Kuala Lumpur;Putrajaya
MYT | Mayotte | | Mahoran | Mamoudzou
NAM | Namibia | | Namibian;Namibians | Windhoek
NCL | New Caledonia | | New Caledonian;New Caledonians | Noumea
NER | Niger | Republic of the Niger;Republic of Niger | Nigerien;Nigeriens | Niamey
NFK | Norfolk Island | | Norfolk Islander | Kingston (Norfolk Island)
NGA | Nigeria | | Nigerian;Nigerians | Abuja;Lagos
NIC | Nicaragua | | Nicaraguan;Nicaraguans | Managua
NIU | Niue | | Niuean | Alofi
NLD | Netherlands | the Netherlands;Holland;Kingdom of the Netherlands | Dutch;Dutchman;Dutchmen;Netherlander | Amsterdam;The Hague
NOR | Norway | | Norwegian;Norwegians | Oslo
NPL | Nepal | | Nepalese;Nepali;Nepalis | Kathmandu
NRU | Nauru | | Nauruan;Nauruans | Yaren
NZL | New Zealand | Aotearoa | New Zealander;New Zealanders;Kiwi;Kiwis | Wellington;the Beehive
OMN | Oman | Sultanate of Oman | Omani;Omanis | Muscat
PAK | Pakistan | Islamic Republic of Pakistan | Pakistani;Pakistanis | Islamabad
PAN | Panama | | Panamanian;Panamanians | Panama City
PCN | Pitcairn Islands | Pitcairn | Pitcairn Islander | Adamstown
PER | Peru | | Peruvian;Peruvians | Lima
PHL | Philippines | the Philippines;Republic of the Philippines | Philippine;Filipino;Filipinos;Filipina | Manila;Malacanang;Malacanang Palace
PLW | Palau | | Palauan;Palauans | Ngerulmud;Melekeok
PNG | Papua New Guinea | PNG | Papua New Guinean;Papua New Guineans | Port Moresby
POL | Poland | | Polish;Pole;Poles | Warsaw
PRI | Puerto Rico | | Puerto Rican;Puerto Ricans | San Juan
PRK | North Korea | Democratic People's Republic of Korea;DPRK;D.P.R.K.;Korea, Democratic People's Republic of | North Korean;North Koreans | Pyongyang
PRT | Portugal | Portuguese Republic | Portuguese | Lisbon
PRY | Paraguay | | Paraguayan;Paraguayans | Asuncion
PSE | Palestine | State of Palestine;Palestinian territories;Occupied Palestinian Territories;Palestinian Territory | Palestinian;Palestinians | Ramallah
PYF | French Polynesia | Tahiti | French Polynesian;Tahitian;Tahitians | Papeete
QAT | Qatar | State of Qatar | Qatari;Qataris | Doha
REU | Reunion | La Reunion | Reunionese | Saint-Denis (Reunion)
ROU | Romania | Rumania;Roumania | Romanian;Romanians;Rumanian | Bucharest
RUS | Russia | Russian Federation | Russian;Russians | Moscow;Kremlin
RWA | Rwanda | | Rwandan;Rwandans;Rwandese | Kigali
SAU | Saudi Arabia | Kingdom of Saudi Arabia;KSA | Saudi;Saudis;Saudi Arabian;Saudi Arabians | Riyadh
SDN | Sudan | the Sudan;Republic of the Sudan | Sudanese | Khartoum
SEN | Senegal | | Senegalese | Dakar
SGP | Singapore | | Singaporean;Singaporeans | Singapore City
SGS | South Georgia and the South Sandwich Islands | South Georgia | | King Edward Point
SHN | Saint Helena | St Helena;St. Helena;Saint Helena, Ascension and Tristan da Cunha;Ascension Island;Tristan da Cunha | Saint Helenian;St Helenian | Jamestown (Saint Helena)
SJM | Svalbard and Jan Mayen | Svalbard;Jan Mayen | Svalbardian | Longyearbyen
SLB | Solomon Islands | Solomons | Solomon Islander;Solomon Islanders | Honiara
SLE | Sierra Leone | | Sierra Leonean;Sierra Leoneans | Freetown
SLV | El Salvador | | Salvadoran;Salvadorans;Salvadorean | San Salvador
SMR | San Marino | | Sammarinese | City of San Marino
SOM | Somalia | | Somali;Somalis | Mogadishu
SPM | Saint Pierre and Miquelon | St Pierre and Miquelon | Saint-Pierrais | Saint-Pierre
SRB | Serbia | Republic of Serbia | Serbian;Serbians;Serb;Serbs | Belgrade
SSD | South Sudan | Republic of South Sudan | South Sudanese | Juba
STP | Sao Tome and Principe | Sao Tome | Santomean;Sao Tomean | Sao Tome City
SUR | Suriname | Surinam | Surinamese;Surinamer | Paramaribo
SVK | Slovakia | Slovak Republic | Slovak;Slovaks;Slovakian | Bratislava
SVN | Slovenia | | Slovenian;Slovenians;Slovene;Slovenes | Ljubljana
SWE | Sweden | | Swedish;Swede;Swedes | Stockholm;Rosenbad
SWZ | Eswatini | Swaziland;Kingdom of Eswatini | Swazi;Swazis;Liswati | Mbabane;Lobamba
SXM | Sint Maarten | Sint Maarten (Dutch part) | Sint Maartener | Philipsburg
SYC | Seychelles | the Seychelles | Seychellois | Victoria (Seychelles)
SYR | Syria | Syrian Arab Republic | Syrian;Syrians | Damascus
TCA | Turks and Caicos Islands | Turks and Caicos | Turks and Caicos Islander | Cockburn Town
TCD | Chad | Republic of Chad | Chadian;Chadians | N'Djamena;Ndjamena
TGO | Togo | Togolese Republic | Togolese | Lome
THA | Thailand | Siam;Kingdom of Thailand | Thai;Thais | Bangkok
TJK | Tajikistan | | Tajik;Tajiks;Tajikistani | Dushanbe
TKL | Tokelau | | Tokelauan | Nukunonu
TKM | Turkmenistan | | Turkmen;Turkmens | Ashgabat;Ashkhabad
TLS | East Timor | Timor-Leste;Timor Leste;Democratic Republic of Timor-Leste | East Timorese;Timorese | Dili
TON | Tonga | | Tongan;Tongans | Nuku'alofa
TTO | Trinidad and Tobago | Trinidad | Trinidadian;Trinidadians;Tobagonian | Port of Spain
TUN | Tunisia | | Tunisian;Tunisians | Tunis;Carthage
TUR | Turkey | Turkiye;Republic of Turkiye;Republic of Turkey | Turkish;Turk;Turks | Ankara
TUV | Tuvalu | | Tuvaluan;Tuvaluans | Funafuti
TWN | Taiwan | Republic of China;ROC;R.O.C.;Taiwan, Province of China;Chinese Taipei;Formosa | Taiwanese | Taipei
TZA | Tanzania | United Republic of Tanzania | Tanzanian;Tanzanians | Dodoma;Dar es Salaam
UGA | Uganda | | Ugandan;Ugandans | Kampala
UKR | Ukraine | the Ukraine | Ukrainian;Ukrainians | Kyiv;Kiev
UMI | United States Minor Outlying Islands | | |
URY | Uruguay | | Uruguayan;Uruguayans | Montevideo
USA | United States | US;U.S.;USA;U.S.A.;America;United States of America | American;Americans | Washington;Washington DC;Washington D.C.;Washington, D.C.;White House;Oval Office
UZB | Uzbekistan | | Uzbek;Uzbeks;Uzbekistani | Tashkent
VAT | Vatican | Holy See;Vatican City;Vatican City State;Holy See (Vatican City State) | Vatican;Papal | Vatican City
VCT | Saint Vincent and the Grenadines | St Vincent and the Grenadines;St. Vincent;St Vincent | Vincentian;Vincentians | Kingstown
VEN | Venezuela | Bolivarian Republic of Venezuela | Venezuelan;Venezuelans | Caracas;Miraflores
VGB | British Virgin Islands | Virgin Islands, British | British Virgin Islander | Road Town
VIR | United States Virgin Islands | US Virgin Islands;U.S. Virgin Islands;Virgin Islands, U.S. | Virgin Islander;Virgin Islanders | Charlotte Amalie
VNM | Vietnam | Viet Nam;Socialist Republic of Vietnam;Socialist Republic of Viet Nam | Vietnamese | Hanoi
VUT | Vanuatu | New Hebrides | Ni-Vanuatu;Vanuatuan | Port Vila
WLF | Wallis and Futuna | | Wallisian;Futunan | Mata-Utu
WSM | Samoa | Western Samoa;Independent State of Samoa | Samoan;Samoans | Apia
YEM | Yemen | Republic of Yemen | Yemeni;Yemenis;Yemenite | Sanaa;Sana'a
ZAF | South Africa | Republic of South Africa;RSA | South African;South Africans | Pretoria;Tshwane;Cape Town;Union Buildings
ZMB | Zambia | | Zambian;Zambians | Lusaka
ZWE | Zimbabwe | Rhodesia | Zimbabwean;Zimbabweans | Harare;Salisbury (Rhodesia)
XKX;KSV | Kosovo | Republic of Kosovo;Kosova | Kosovar;Kosovars;Kosovan | Pristina;Prishtina
USR;SUN | Soviet Union | USSR;U.S.S.R.;Union of Soviet Socialist Republics;Soviet Russia | Soviet;Soviets |
YUG | Yugoslavia | Federal Republic of Yugoslavia;Socialist Federal Republic of Yugoslavia;SFRY | Yugoslav;Yugoslavs;Yugoslavian |
DDR | East Germany | German Democratic Republic;GDR | East German;East Germans | East Berlin;Pankow
CSK | Czechoslovakia | Czechoslovak Socialist Republic;Czech and Slovak Federative Republic | Czechoslovak;Czechoslovaks;Czechoslovakian |
SCG | Serbia and Montenegro | State Union of Serbia and Montenegro | |
"""


def main():
    iso = {c["alpha_3"]: c for c in json.load(open(ISO, encoding="utf-8"))["3166-1"]}
    rows = []
    seen = set()
    for line in CURATED.strip().splitlines():
        parts = [p.strip() for p in line.split("|")]
        while len(parts) < 5:
            parts.append("")
        code, name, aliases, adjs, mets = parts[:5]
        primary = code.split(";")[0]
        seen.add(primary)
        c = iso.get(primary, {})
        name = name or c.get("common_name") or c.get("name", primary)
        alias = [a for a in aliases.split(";") if a]
        for extra in (c.get("name"), c.get("official_name")):
            if extra and extra != name and extra not in alias:
                alias.append(extra)
        rows.append((code.replace(";", "|"), name, "|".join(alias),
                     "|".join(a for a in adjs.split(";") if a),
                     "|".join(m for m in mets.split(";") if m)))
    missing = sorted(set(iso) - seen)
    for code in missing:  # never expected: every ISO code is curated above
        c = iso[code]
        print(f"warning: {code} not curated", file=sys.stderr)
        rows.append((code, c.get("common_name") or c["name"], c.get("official_name", ""), "", ""))
    out = sys.stdout
    out.write(HEADER)
    for r in rows:
        out.write("\t".join(r) + "\n")


HEADER = """\
# Countries and territories: every ISO 3166-1 entry (alpha-3 code) plus historical states.
# Generated by scripts/gen_countries.py from Debian iso-codes, then hand-corrected: THIS file
# is the source of truth.
#
# Columns (tab-separated; lists inside a column separated by '|'):
#   code        alpha-3 code; alternates after '|' ("USR|SUN": CAMEO USR, PETRARCH SUN). The first
#               is canonical. Historical states use CAMEO/ISO 3166-3 codes (USR, YUG, DDR, CSK, SCG).
#   name        canonical short name as news uses it ("Russia", "United States")
#   aliases     other names: official names, abbreviations ("U.S.", "UK"), old names ("Burma")
#   adjectives  adjectives and demonyms ("Russian", "Russians", "British", "Briton")
#   metonyms    the capital FIRST, then seats used for the government ("the Kremlin",
#               "Downing Street"). A name ending in a parenthesised note ("Victoria (Seychelles)") is ambiguous:
#               it is kept as the capital but never registered as a lookup key.
#               Historical states have no metonyms: their capitals belong to the current state.
#
# Keys are folded for lookup (lower case, accents removed, leading "the " dropped), so "the
# Kremlin" and "Kremlin" are one key, and "US" is also the key "us": the recogniser looks up
# capitalised tokens only. West Germany is an alias of DEU (as in CAMEO/PETRARCH).
"""

if __name__ == "__main__":
    main()
