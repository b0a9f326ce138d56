<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>@default</name>
    <message>
        <location filename="../../scoring/schema/wijk.py" line="77"/>
        <source>field &apos;{field}&apos; (wijk code) not found in layer &apos;{layer}&apos;; its fields are: {fields}. Pick another field.</source>
        <translation>veld '{field}' (wijkcode) niet gevonden in laag '{layer}'; de velden zijn: {fields}. Kies een ander veld.</translation>
    </message>
    <message>
        <location filename="../../scoring/schema/wijk.py" line="89"/>
        <source>layer &apos;{layer}&apos;, row {row}: the wijk code field &apos;{field}&apos; is empty; every wijk needs a code.</source>
        <translation>laag '{layer}', rij {row}: het wijkcodeveld '{field}' is leeg; elke wijk heeft een code nodig.</translation>
    </message>
    <message>
        <location filename="../../scoring/timeline/events.py" line="265"/>
        <source>{named} and {more} more</source>
        <translation>{named} en nog {more}</translation>
    </message>
    <message>
        <location filename="../../scoring/schema/wijk.py" line="115"/>
        <source>layer &apos;{layer}&apos;: {count} code(s) occur more than once in field &apos;{field}&apos;: {named}. Every wijk (or buurt) must be in the layer once: remove the duplicate features, or pick a field with one unique code per wijk.</source>
        <translation>laag '{layer}': {count} code(s) komen meer dan eens voor in veld '{field}': {named}. Elke wijk (of buurt) moet één keer in de laag staan: verwijder de dubbele objecten, of kies een veld met één unieke code per wijk.</translation>
    </message>
    <message>
        <location filename="../../scoring/schema/diagnosis.py" line="125"/>
        <source>layer &apos;{layer}&apos;: field &apos;{field}&apos; does not hold what &apos;Score transitions&apos; writes there; run Score transitions again on the wijken.</source>
        <translation>laag '{layer}': veld '{field}' bevat niet wat 'Transities scoren' daar schrijft; voer Transities scoren opnieuw uit op de wijken.</translation>
    </message>
    <message>
        <location filename="../../scoring/errors.py" line="40"/>
        <source>Cancelled by the user; nothing was written.</source>
        <translation>Geannuleerd door de gebruiker; er is niets geschreven.</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/capacity.py" line="35"/>
        <source>public street area in m², from a roads layer buffered by street width or BGT wegdeel</source>
        <translation>oppervlakte openbare straat in m², uit een wegenlaag gebufferd met de straatbreedte of uit BGT wegdeel</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/capacity.py" line="35"/>
        <source>plan area of existing cables and pipes in m², from a kabels-en-leidingen layer such as KLIC or GWSW buffered by the strip width of each network</source>
        <translation>oppervlakte in bovenaanzicht van bestaande kabels en leidingen in m², uit een laag kabels en leidingen zoals KLIC of GWSW, gebufferd met de strookbreedte van elk net</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/capacity.py" line="44"/>
        <source>unbuilt public space in m²: public land without buildings, private plots or water</source>
        <translation>onbebouwde openbare ruimte in m²: openbaar terrein zonder gebouwen, particuliere percelen of water</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/capacity.py" line="44"/>
        <source>public space in m² already taken by functions that stay, such as existing play areas</source>
        <translation>openbare ruimte in m² die al in gebruik is door functies die blijven, zoals bestaande speelplekken</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/capacity.py" line="50"/>
        <source>roof area in m² already used by existing PV, green or water roofs</source>
        <translation>dakoppervlak in m² dat al gebruikt wordt door bestaande PV-, groene of waterdaken</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/capacity.py" line="76"/>
        <source>None of the capacity columns is present; give at least one of: {columns}.</source>
        <translation>Geen van de capaciteitskolommen is aanwezig; geef ten minste een van: {columns}.</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/capacity.py" line="90"/>
        <source>Column &apos;{column}&apos; is missing, so the {layer} capacity and pressure are unknown; it is the {meaning}.</source>
        <translation>Kolom '{column}' ontbreekt, dus de capaciteit en druk van {layer} zijn onbekend; het is de {meaning}.</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/capacity.py" line="104"/>
        <source>Column &apos;{column}&apos; is missing, so the {layer} capacity is the usable area with nothing subtracted, an upper bound; it is the {meaning}.</source>
        <translation>Kolom '{column}' ontbreekt, dus de capaciteit van {layer} is het bruikbare oppervlak zonder aftrek, een bovengrens; het is de {meaning}.</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/capacity.py" line="145"/>
        <source>The wijk table has no rows; there is nothing to compute claims for.</source>
        <translation>De wijktabel heeft geen rijen; er is niets om claims voor te berekenen.</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/capacity.py" line="148"/>
        <source>Wijk key {key} occurs more than once in the wijk table; give every wijk one row with a unique key.</source>
        <translation>Wijksleutel {key} komt meer dan eens voor in de wijktabel; geef elke wijk één rij met een unieke sleutel.</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/capacity.py" line="169"/>
        <source>must be a number, or empty when unknown</source>
        <translation>moet een getal zijn, of leeg als het onbekend is</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/capacity.py" line="173"/>
        <source>must not be negative; turn CBS codes for secret or missing into empty</source>
        <translation>mag niet negatief zijn; maak CBS-codes voor geheim of ontbrekend leeg</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/capacity.py" line="179"/>
        <source>must be from 0 to {high:g}</source>
        <translation>moet van 0 tot {high:g} zijn</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/capacity.py" line="183"/>
        <source>Column &apos;{column}&apos; = {value} for wijk {wijk}: {rule}.</source>
        <translation>Kolom '{column}' = {value} voor wijk {wijk}: {rule}.</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/catalogue.py" line="32"/>
        <source>length of public streets in m, measured along the centre lines of a roads layer (OSM highway, NWB wegvakken or BGT wegdeel)</source>
        <translation>lengte van openbare straten in m, gemeten langs de hartlijnen van een wegenlaag (OSM highway, NWB wegvakken of BGT wegdeel)</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/catalogue.py" line="32"/>
        <source>number of dwellings, from CBS a_woning / WONINGEN or BAG verblijfsobjecten with woonfunctie</source>
        <translation>aantal woningen, uit CBS a_woning / WONINGEN of BAG-verblijfsobjecten met woonfunctie</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/catalogue.py" line="32"/>
        <source>number of inhabitants, from CBS a_inw / AANT_INW</source>
        <translation>aantal inwoners, uit CBS a_inw / AANT_INW</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/catalogue.py" line="32"/>
        <source>usable roof area in m², from the roof-area step of the indicators (BAG / 3D BAG / OSM buildings)</source>
        <translation>bruikbaar dakoppervlak in m², uit de dakoppervlakstap van de indicatoren (BAG / 3D BAG / OSM-gebouwen)</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/catalogue.py" line="32"/>
        <source>sealed area in m², from the land-cover step behind ind_verhard (BGT / OSM)</source>
        <translation>verhard oppervlak in m², uit de bodembedekkingsstap achter ind_verhard (BGT / OSM)</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/catalogue.py" line="32"/>
        <source>land area of the wijk without water in m², from the wijk polygon or CBS a_lan_ha x 10 000</source>
        <translation>landoppervlak van de wijk zonder water in m², uit de wijkpolygoon of CBS a_lan_ha x 10 000</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/catalogue.py" line="136"/>
        <source>{where}: no building blocks; add at least one, e.g. [{where}.pv] with transition, layer, driver, m2_per_unit, min_share and max_share.</source>
        <translation>{where}: geen bouwstenen; voeg er ten minste één toe, bijv. [{where}.pv] met transition, layer, driver, m2_per_unit, min_share en max_share.</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/catalogue.py" line="157"/>
        <source>{where}.{layer}: unknown layer; use one of {layers}.</source>
        <translation>{where}.{layer}: onbekende laag; gebruik een van {layers}.</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/catalogue.py" line="175"/>
        <source>{where}: a building block id is lower-case letters, digits and &apos;_&apos;, starting with a letter (it becomes a value in the output tables).</source>
        <translation>{where}: de id van een bouwsteen bestaat uit kleine letters, cijfers en '_' en begint met een letter (hij wordt een waarde in de uitvoertabellen).</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/catalogue.py" line="187"/>
        <source>{where}: min_share = {low:g} is above max_share = {high:g}; a claim grows with urgency, so min_share must not exceed max_share.</source>
        <translation>{where}: min_share = {low:g} is groter dan max_share = {high:g}; een claim groeit met de urgentie, dus min_share mag niet groter zijn dan max_share.</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/catalogue.py" line="216"/>
        <source>&apos;{column}&apos;, the {meaning}</source>
        <translation>'{column}', de {meaning}</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/compute.py" line="72"/>
        <source>None of the driver columns the claims catalogue needs is present; give at least one of: {columns}.</source>
        <translation>Geen van de drijverkolommen die de claimcatalogus nodig heeft is aanwezig; geef ten minste een van: {columns}.</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/compute.py" line="82"/>
        <source>None of the score columns is present (looked for {fields}); run &apos;score transitions&apos; on the wijk layer first.</source>
        <translation>Geen van de scorekolommen is aanwezig (gezocht naar {fields}); voer eerst 'Transities scoren' uit op de wijklaag.</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/compute.py" line="229"/>
        <source>Column &apos;{column}&apos; is missing, so the claims of {blocks} are unknown; it is the {meaning}.</source>
        <translation>Kolom '{column}' ontbreekt, dus de claims van {blocks} zijn onbekend; het is de {meaning}.</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/compute.py" line="242"/>
        <source>Column &apos;{column}&apos; is missing, so the claims of {blocks} are unknown; score that transition or drop its blocks from the profile.</source>
        <translation>Kolom '{column}' ontbreekt, dus de claims van {blocks} zijn onbekend; scoor die transitie of haal haar bouwstenen uit het profiel.</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/compute.py" line="259"/>
        <source>Wijk key {key} occurs more than once in the scores; give every wijk one row of scores.</source>
        <translation>Wijksleutel {key} komt meer dan eens voor in de scores; geef elke wijk één rij scores.</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/compute.py" line="267"/>
        <source>No wijk key of the wijk table (e.g. {wijk}) is in the scores table (e.g. {example}); join them on the same key.</source>
        <translation>Geen wijksleutel van de wijktabel (bijv. {wijk}) staat in de scoretabel (bijv. {example}); koppel ze op dezelfde sleutel.</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/compute.py" line="267"/>
        <source>no rows</source>
        <translation>geen rijen</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/space.py" line="102"/>
        <source>land-cover layers need a class mapping; pass the BGT or OSM mapping</source>
        <translation>lagen met bodembedekking hebben een klassenindeling nodig; geef de BGT- of OSM-indeling mee</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/space.py" line="104"/>
        <source>layer &apos;{layer}&apos; is given without a roads layer; the existing cables and pipes are measured inside the street space, so add a roads layer</source>
        <translation>laag '{layer}' is gegeven zonder wegenlaag; de bestaande kabels en leidingen worden binnen de straatruimte gemeten, dus voeg een wegenlaag toe</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/space.py" line="127"/>
        <source>wijk polygon minus water</source>
        <translation>wijkpolygoon min water</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/space.py" line="176"/>
        <source>CBS field {field}</source>
        <translation>CBS-veld {field}</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/measurement.py" line="14"/>
        <source>layer &apos;{layer}&apos; covers none or less than {coverage:g} % of wijk {wijken}; what it measures is unknown there</source>
        <translation>laag '{layer}' dekt niets of minder dan {coverage:g} % van wijk {wijken}; wat zij meet is daar onbekend</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/measurement.py" line="14"/>
        <source>layer &apos;{layer}&apos; covers only part of wijk {shares}; what it measures there is measured on that part only</source>
        <translation>laag '{layer}' dekt maar een deel van wijk {shares}; wat zij daar meet is alleen op dat deel gemeten</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/space.py" line="198"/>
        <source>no land cover and no CBS water field (a_wat_ha) in layer &apos;{layer}&apos;: water is not subtracted from the wijk area and the unbuilt public space</source>
        <translation>geen bodembedekking en geen CBS-waterveld (a_wat_ha) in laag '{layer}': water wordt niet afgetrokken van het wijkoppervlak en de onbebouwde openbare ruimte</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/space.py" line="239"/>
        <source>buildings of &apos;{layer}&apos;</source>
        <translation>gebouwen van '{layer}'</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/space.py" line="239"/>
        <source>land-cover {category}</source>
        <translation>bodembedekking {category}</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/space.py" line="254"/>
        <source>footprints ({field})</source>
        <translation>footprints ({field})</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/space.py" line="256"/>
        <source>no buildings, land cover or {field}: the unbuilt public space (maaiveld capacity) is unknown</source>
        <translation>geen gebouwen, bodembedekking of {field}: de onbebouwde openbare ruimte (capaciteit maaiveld) is onbekend</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/space.py" line="267"/>
        <source>no private yards (BGT erf) in the land cover: gardens count as public space, so the maaiveld capacity is an upper bound</source>
        <translation>geen particuliere erven (BGT erf) in de bodembedekking: tuinen tellen als openbare ruimte, dus de capaciteit van het maaiveld is een bovengrens</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/space.py" line="275"/>
        <source>wijk area minus {what} and water</source>
        <translation>wijkoppervlak min {what} en water</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/space.py" line="288"/>
        <source>field {field} of &apos;{layer}&apos;</source>
        <translation>veld {field} van '{layer}'</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/space.py" line="299"/>
        <source>no field {field} and no buildings layer: the roof area is unknown; run Roof areas first or give buildings</source>
        <translation>geen veld {field} en geen gebouwenlaag: het dakoppervlak is onbekend; voer eerst Dakoppervlakken uit of geef gebouwen</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/space.py" line="317"/>
        <source>roofs of &apos;{layer}&apos; (shape unknown: usable share 0.75)</source>
        <translation>daken van '{layer}' (vorm onbekend: bruikbaar aandeel 0,75)</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/space.py" line="328"/>
        <source>field {field}</source>
        <translation>veld {field}</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/space.py" line="339"/>
        <source>sealed share of the land cover</source>
        <translation>verhard aandeel van de bodembedekking</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/space.py" line="342"/>
        <source>{source} x land area</source>
        <translation>{source} x landoppervlak</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/streets.py" line="88"/>
        <source>pick the width field or leave it empty</source>
        <translation>kies het breedteveld of laat het leeg</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/streets.py" line="89"/>
        <source>layer &apos;{layer}&apos; has no geometries; pick a layer with features</source>
        <translation>laag '{layer}' heeft geen geometrieën; kies een laag met objecten</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/streets.py" line="113"/>
        <source>layer &apos;{layer}&apos; has no road that could be measured; check the road-class or width field</source>
        <translation>laag '{layer}' heeft geen weg die gemeten kon worden; controleer het wegklasse- of breedteveld</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/streets.py" line="125"/>
        <source>street area / {width:g} m (road polygons: estimated)</source>
        <translation>straatoppervlak / {width:g} m (wegpolygonen: geschat)</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/streets.py" line="131"/>
        <source>centre lines of the street classes in &apos;{layer}&apos;</source>
        <translation>hartlijnen van de straatklassen in '{layer}'</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/streets.py" line="143"/>
        <source>lines of &apos;{layer}&apos;</source>
        <translation>lijnen van '{layer}'</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/streets.py" line="144"/>
        <source>polygons of &apos;{layer}&apos;</source>
        <translation>polygonen van '{layer}'</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/streets.py" line="156"/>
        <source>layer &apos;{layer}&apos; has no road-class field: every road counts as a street and takes its width from the width field</source>
        <translation>laag '{layer}' heeft geen wegklasseveld: elke weg telt als straat en krijgt zijn breedte uit het breedteveld</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/streets.py" line="166"/>
        <source>layer &apos;{layer}&apos; has no field &apos;{field}&apos;; pick the road-class field (OSM highway) or a width field (m)</source>
        <translation>laag '{layer}' heeft geen veld '{field}'; kies het wegklasseveld (OSM highway) of een breedteveld (m)</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/streets.py" line="177"/>
        <source>the width of its road class</source>
        <translation>de breedte van zijn wegklasse</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/streets.py" line="183"/>
        <source>layer &apos;{layer}&apos;: {count} roads of a class without a width were left out ({listed}); give a width field to count them</source>
        <translation>laag '{layer}': {count} wegen van een klasse zonder breedte zijn weggelaten ({listed}); geef een breedteveld om ze mee te tellen</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/streets.py" line="208"/>
        <source>{geometries} inside the street space</source>
        <translation>{geometries} binnen de straatruimte</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/streets.py" line="240"/>
        <source>pick the type field or leave it empty</source>
        <translation>kies het typeveld of laat het leeg</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/streets.py" line="250"/>
        <source>layer &apos;{layer}&apos;: {count} cables or pipes of an unlisted type ({listed}) count as {width:g} m wide</source>
        <translation>laag '{layer}': {count} kabels of leidingen van een niet vermeld type ({listed}) tellen als {width:g} m breed</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/streets.py" line="265"/>
        <source>the width of its type</source>
        <translation>de breedte van zijn type</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/streets.py" line="279"/>
        <source>layer &apos;{layer}&apos;, field &apos;{field}&apos;: {count} value(s) are no width in metres above 0 and up to {most:g} m (e.g. &apos;{example}&apos;); {instead} is used for them</source>
        <translation>laag '{layer}', veld '{field}': {count} waarde(n) zijn geen breedte in meters boven 0 en tot en met {most:g} m (bijv. '{example}'); daarvoor wordt {instead} gebruikt</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/streets.py" line="313"/>
        <source>layer &apos;{layer}&apos; has {types} geometries but lines or polygons are needed; pick a line layer (e.g. OSM highway) or a polygon layer (e.g. BGT wegdeel)</source>
        <translation>laag '{layer}' heeft geometrieën van het type {types}, maar lijnen of polygonen zijn nodig; kies een lijnenlaag (bijv. OSM highway) of een polygonenlaag (bijv. BGT wegdeel)</translation>
    </message>
    <message>
        <location filename="../../scoring/timeline/events.py" line="76"/>
        <source>types: no types of work; add one, e.g. [types.riool_vervanging].</source>
        <translation>types: geen soorten werk; voeg er een toe, bijv. [types.riool_vervanging].</translation>
    </message>
    <message>
        <location filename="../../scoring/timeline/events.py" line="81"/>
        <source>aliases.{alias} = {target}: not a type; use one of {types}.</source>
        <translation>aliases.{alias} = {target}: geen type; gebruik een van {types}.</translation>
    </message>
    <message>
        <location filename="../../scoring/timeline/events.py" line="99"/>
        <source>{where}.{key} = {value}: must be a list of {allowed}.</source>
        <translation>{where}.{key} = {value}: moet een lijst zijn van {allowed}.</translation>
    </message>
    <message>
        <location filename="../../scoring/timeline/events.py" line="111"/>
        <source>{where}.{key} = {value}: must be text.</source>
        <translation>{where}.{key} = {value}: moet tekst zijn.</translation>
    </message>
    <message>
        <location filename="../../scoring/timeline/events.py" line="137"/>
        <source>type of work</source>
        <translation>soort werk</translation>
    </message>
    <message>
        <location filename="../../scoring/timeline/events.py" line="137"/>
        <source>year</source>
        <translation>jaar</translation>
    </message>
    <message>
        <location filename="../../scoring/timeline/events.py" line="137"/>
        <source>wijk code</source>
        <translation>wijkcode</translation>
    </message>
    <message>
        <location filename="../../scoring/timeline/events.py" line="137"/>
        <source>end year</source>
        <translation>eindjaar</translation>
    </message>
    <message>
        <location filename="../../scoring/timeline/events.py" line="137"/>
        <source>source</source>
        <translation>bron</translation>
    </message>
    <message>
        <location filename="../../scoring/timeline/events.py" line="148"/>
        <source>layer &apos;{layer}&apos;, row {row}</source>
        <translation>laag '{layer}', rij {row}</translation>
    </message>
    <message>
        <location filename="../../scoring/timeline/events.py" line="155"/>
        <source>{where}: field &apos;{field}&apos; holds &apos;{value}&apos;, which is not a known type of work ({types}); add it under [aliases] in the aanleidingen catalogue or fix the value.</source>
        <translation>{where}: veld '{field}' bevat '{value}', geen bekende soort werk ({types}); voeg het toe onder [aliases] in de aanleidingencatalogus of verbeter de waarde.</translation>
    </message>
    <message>
        <location filename="../../scoring/timeline/events.py" line="170"/>
        <source>{where}: the work ends ({end}) before it starts ({start}); swap the years.</source>
        <translation>{where}: het werk eindigt ({end}) voordat het begint ({start}); verwissel de jaren.</translation>
    </message>
    <message>
        <location filename="../../scoring/timeline/events.py" line="182"/>
        <source>layer &apos;{layer}&apos;: skipped {count} row(s) without a type or a year ({rows}).</source>
        <translation>laag '{layer}': {count} rij(en) zonder soort of jaar overgeslagen ({rows}).</translation>
    </message>
    <message>
        <location filename="../../scoring/timeline/events.py" line="182"/>
        <source>row {row}</source>
        <translation>rij {row}</translation>
    </message>
    <message>
        <location filename="../../scoring/timeline/events.py" line="197"/>
        <source>{where}: field &apos;{field}&apos; holds &apos;{value}&apos;, which is not a year; give a year such as 2027 or a range such as 2027-2029.</source>
        <translation>{where}: veld '{field}' bevat '{value}', geen jaar; geef een jaar zoals 2027 of een reeks zoals 2027-2029.</translation>
    </message>
    <message>
        <location filename="../../scoring/timeline/events.py" line="282"/>
        <source>none of the {count} work(s) of layer &apos;{layer}&apos; can be placed in a wijk</source>
        <translation>geen van de {count} werk(en) van laag '{layer}' kan in een wijk geplaatst worden</translation>
    </message>
    <message>
        <location filename="../../scoring/timeline/koppelkansen.py" line="80"/>
        <source>{where}: the layer has no geometry and no wijk code field of the works was chosen. Choose the field that holds the wijk codes, or give the works a location.</source>
        <translation>{where}: de laag heeft geen geometrie en er is geen wijkcodeveld van de werken gekozen. Kies het veld met de wijkcodes, of geef de werken een locatie.</translation>
    </message>
    <message>
        <location filename="../../scoring/timeline/koppelkansen.py" line="90"/>
        <source>{where}: {count} have no wijk code and lie in no wijk of layer &apos;{wijken}&apos; (rows {rows}). Check that both layers cover the same area, or choose the wijk code field of the works.</source>
        <translation>{where}: {count} hebben geen wijkcode en liggen in geen wijk van laag '{wijken}' (rijen {rows}). Controleer of beide lagen hetzelfde gebied dekken, of kies het wijkcodeveld van de werken.</translation>
    </message>
    <message>
        <location filename="../../scoring/timeline/koppelkansen.py" line="108"/>
        <source>planning horizon {first}-{last} ends before it starts; swap the years.</source>
        <translation>planningshorizon {first}-{last} eindigt voordat hij begint; verwissel de jaren.</translation>
    </message>
    <message>
        <location filename="../../scoring/timeline/koppelkansen.py" line="114"/>
        <source>graafrust window {graafrust} is below 0; give a number of years.</source>
        <translation>graafrustperiode {graafrust} is kleiner dan 0; geef een aantal jaren.</translation>
    </message>
    <message>
        <location filename="../../scoring/cbs.py" line="214"/>
        <source>unknown CBS variable &apos;{variable}&apos; in the field mapping of layer &apos;{layer}&apos;; known variables: {variables}</source>
        <translation>onbekende CBS-grootheid '{variable}' in de veldkoppeling van laag '{layer}'; bekende grootheden: {variables}</translation>
    </message>
    <message>
        <location filename="../../scoring/cbs.py" line="230"/>
        <source>closest fields: {fields}</source>
        <translation>velden die er het meest op lijken: {fields}</translation>
    </message>
    <message>
        <location filename="../../scoring/cbs.py" line="235"/>
        <source>no similar field</source>
        <translation>geen veld dat erop lijkt</translation>
    </message>
    <message>
        <location filename="../../scoring/cbs.py" line="236"/>
        <source>field &apos;{field}&apos; (mapped to CBS variable &apos;{variable}&apos;) not found in layer &apos;{layer}&apos;; {hint}. Fix the field name in the profile or remove the mapping.</source>
        <translation>veld '{field}' (gekoppeld aan CBS-grootheid '{variable}') niet gevonden in laag '{layer}'; {hint}. Verbeter de veldnaam in het profiel of verwijder de koppeling.</translation>
    </message>
    <message>
        <location filename="../../scoring/cbs_values.py" line="43"/>
        <source>more than twice the inhabitants of Amsterdam, the largest gemeente</source>
        <translation>meer dan twee keer de inwoners van Amsterdam, de grootste gemeente</translation>
    </message>
    <message>
        <location filename="../../scoring/cbs_values.py" line="44"/>
        <source>a percentage</source>
        <translation>een percentage</translation>
    </message>
    <message>
        <location filename="../../scoring/cbs_values.py" line="46"/>
        <source>inhabitants</source>
        <translation>inwoners</translation>
    </message>
    <message>
        <location filename="../../scoring/cbs_values.py" line="47"/>
        <source>households</source>
        <translation>huishoudens</translation>
    </message>
    <message>
        <location filename="../../scoring/cbs_values.py" line="48"/>
        <source>dwellings</source>
        <translation>woningen</translation>
    </message>
    <message>
        <location filename="../../scoring/cbs_values.py" line="49"/>
        <source>people</source>
        <translation>personen</translation>
    </message>
    <message>
        <location filename="../../scoring/cbs_values.py" line="50"/>
        <source>cars</source>
        <translation>auto's</translation>
    </message>
    <message>
        <location filename="../../scoring/cbs_values.py" line="51"/>
        <source>inhabitants per km²</source>
        <translation>inwoners per km²</translation>
    </message>
    <message>
        <location filename="../../scoring/cbs_values.py" line="51"/>
        <source>over ten times Den Haag, the densest gemeente (6 868 per km² in 2023)</source>
        <translation>meer dan tien keer Den Haag, de dichtstbevolkte gemeente (6 868 per km² in 2023)</translation>
    </message>
    <message>
        <location filename="../../scoring/cbs_values.py" line="57"/>
        <source>addresses per km²</source>
        <translation>adressen per km²</translation>
    </message>
    <message>
        <location filename="../../scoring/cbs_values.py" line="57"/>
        <source>twelve times the 2 500 from which CBS calls an area very strongly urban</source>
        <translation>twaalf keer de 2 500 vanaf waar het CBS een gebied zeer sterk stedelijk noemt</translation>
    </message>
    <message>
        <location filename="../../scoring/cbs_values.py" line="63"/>
        <source>m³ per dwelling</source>
        <translation>m³ per woning</translation>
    </message>
    <message>
        <location filename="../../scoring/cbs_values.py" line="63"/>
        <source>about ten times a detached house (about 2 000 m³)</source>
        <translation>ongeveer tien keer een vrijstaand huis (ongeveer 2 000 m³)</translation>
    </message>
    <message>
        <location filename="../../scoring/cbs_values.py" line="69"/>
        <source>cars per household</source>
        <translation>auto's per huishouden</translation>
    </message>
    <message>
        <location filename="../../scoring/cbs_values.py" line="69"/>
        <source>CBS does not publish means above 2.5 cars</source>
        <translation>het CBS publiceert geen gemiddelden boven 2,5 auto's</translation>
    </message>
    <message>
        <location filename="../../scoring/cbs_values.py" line="75"/>
        <source>WOZ value</source>
        <translation>WOZ-waarde</translation>
    </message>
    <message>
        <location filename="../../scoring/cbs_values.py" line="75"/>
        <source>CBS averages only WOZ values up to 5 million euro</source>
        <translation>het CBS middelt alleen WOZ-waarden tot 5 miljoen euro</translation>
    </message>
    <message>
        <location filename="../../scoring/cbs_values.py" line="81"/>
        <source>more land than the largest gemeente (Súdwest-Fryslân, about 50 000 ha)</source>
        <translation>meer land dan de grootste gemeente (Súdwest-Fryslân, ongeveer 50 000 ha)</translation>
    </message>
    <message>
        <location filename="../../scoring/cbs_values.py" line="106"/>
        <source>below 0</source>
        <translation>onder 0</translation>
    </message>
    <message>
        <location filename="../../scoring/cbs_values.py" line="108"/>
        <source>above {high:g} ({why})</source>
        <translation>boven {high:g} ({why})</translation>
    </message>
    <message>
        <location filename="../../scoring/cbs_values.py" line="109"/>
        <source>layer &apos;{layer}&apos;, field &apos;{field}&apos;: {count} value(s) outside {low:g}-{high:g} {unit}, e.g. {example:g} ({side}); left out as missing. Check the field.</source>
        <translation>laag '{layer}', veld '{field}': {count} waarde(n) buiten {low:g}-{high:g} {unit}, bijv. {example:g} ({side}); als ontbrekend weggelaten. Controleer het veld.</translation>
    </message>
    <message>
        <location filename="../../scoring/cbs_values.py" line="168"/>
        <source>field &apos;{field}&apos; in layer &apos;{layer}&apos; holds the value &apos;{value}&apos;, which is not a number ({count} such value(s)); map another field or fix the data</source>
        <translation>veld '{field}' in laag '{layer}' bevat de waarde '{value}', die geen getal is ({count} zulke waarde(n)); koppel een ander veld of verbeter de gegevens</translation>
    </message>
    <message>
        <location filename="../../scoring/cbs_values.py" line="182"/>
        <source>field &apos;{field}&apos; in layer &apos;{layer}&apos; mixes number formats: {dutch} value(s) are written the Dutch way (e.g. &apos;{dutch_example}&apos;) and {english} the English way (e.g. &apos;{english_example}&apos;); write every value of the field one way.</source>
        <translation>veld '{field}' in laag '{layer}' mengt getalnotaties: {dutch} waarde(n) zijn op zijn Nederlands geschreven (bijv. '{dutch_example}') en {english} op zijn Engels (bijv. '{english_example}'); schrijf elke waarde van het veld op dezelfde manier.</translation>
    </message>
    <message>
        <location filename="../../scoring/cbs_values.py" line="196"/>
        <source>field &apos;{field}&apos; in layer &apos;{layer}&apos;: {count} value(s) such as &apos;{example}&apos; read as {dutch:g} with Dutch separators and as {english:g} with English ones, and no other value of the field shows which is meant; store the field as numbers, or write the values without thousands separators.</source>
        <translation>veld '{field}' in laag '{layer}': {count} waarde(n) zoals '{example}' lezen als {dutch:g} met Nederlandse scheidingstekens en als {english:g} met Engelse, en geen andere waarde van het veld laat zien welke bedoeld is; sla het veld op als getallen, of schrijf de waarden zonder scheidingsteken voor duizendtallen.</translation>
    </message>
    <message>
        <location filename="../../scoring/cbs_values.py" line="213"/>
        <source>field &apos;{field}&apos; in layer &apos;{layer}&apos; holds numbers as Dutch text (&apos;.&apos; groups thousands, &apos;,&apos; is the decimal mark); read them so, e.g. &apos;{example}&apos; as {number:g}.</source>
        <translation>veld '{field}' in laag '{layer}' bevat getallen als Nederlandse tekst ('.' scheidt duizendtallen, ',' is het decimaalteken); zo gelezen, bijv. '{example}' als {number:g}.</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/cover.py" line="51"/>
        <source>class mapping</source>
        <translation>klassenindeling</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/cover.py" line="53"/>
        <source>class mapping &apos;{file}&apos; is empty; give a table per source, e.g. [{source}.class] with lines like &quot;wegdeel&quot; = &quot;verhard&quot;</source>
        <translation>klassenindeling '{file}' is leeg; geef een tabel per bron, bijv. [{source}.class] met regels als &quot;wegdeel&quot; = &quot;verhard&quot;</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/cover.py" line="62"/>
        <source>class mapping &apos;{file}&apos; has no table [{source}]; use one of {sources} or add it</source>
        <translation>klassenindeling '{file}' heeft geen tabel [{source}]; gebruik een van {sources} of voeg hem toe</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/cover.py" line="70"/>
        <source>class mapping &apos;{file}&apos;: [{source}] maps nothing; give it lines such as [{source}.class] &quot;wegdeel&quot; = &quot;verhard&quot;</source>
        <translation>klassenindeling '{file}': [{source}] deelt niets in; geef regels zoals [{source}.class] &quot;wegdeel&quot; = &quot;verhard&quot;</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/cover.py" line="80"/>
        <source>class mapping &apos;{file}&apos;: {key} = {values!r} must be a table of value = category lines, e.g. [{source}.class] &quot;wegdeel&quot; = &quot;verhard&quot;</source>
        <translation>klassenindeling '{file}': {key} = {values!r} moet een tabel met regels waarde = categorie zijn, bijv. [{source}.class] &quot;wegdeel&quot; = &quot;verhard&quot;</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/cover.py" line="92"/>
        <source>class mapping &apos;{file}&apos; [{source}.{field}] maps &apos;{value}&apos; to unknown category {category!r}; use one of {categories}</source>
        <translation>klassenindeling '{file}' [{source}.{field}] deelt '{value}' in bij onbekende categorie {category!r}; gebruik een van {categories}</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/cover.py" line="125"/>
        <source>layer &apos;{layer}&apos; has no field &apos;{field}&apos;; pick the class field or edit the class mapping</source>
        <translation>laag '{layer}' heeft geen veld '{field}'; kies het klassenveld of pas de klassenindeling aan</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/cover.py" line="135"/>
        <source>layer &apos;{layer}&apos; has none of the class fields {fields}; pick the class field or edit the class mapping</source>
        <translation>laag '{layer}' heeft geen van de klassenvelden {fields}; kies het klassenveld of pas de klassenindeling aan</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/cover.py" line="175"/>
        <source>no land-cover layer given; pick at least one polygon layer</source>
        <translation>geen bodembedekkingslaag opgegeven; kies minstens één polygoonlaag</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/cover.py" line="191"/>
        <source>no feature of {layers} has a mapped class; pick the class field or edit the class mapping</source>
        <translation>geen object van {layers} heeft een ingedeelde klasse; kies het klassenveld of pas de klassenindeling aan</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/cover.py" line="227"/>
        <source>raster class mapping uses unknown category &apos;{category}&apos;; use one of {categories}</source>
        <translation>de klassenindeling van het raster gebruikt onbekende categorie '{category}'; gebruik een van {categories}</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/cover.py" line="261"/>
        <source>raster class &apos;{item}&apos; is not of the form value=category with a whole number as value, e.g. 1=verhard; categories: {categories}</source>
        <translation>rasterklasse '{item}' heeft niet de vorm waarde=categorie met een geheel getal als waarde, bijv. 1=verhard; categorieën: {categories}</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/cover.py" line="270"/>
        <source>raster class &apos;{item}&apos;: unknown category &apos;{category}&apos;; use one of {categories}</source>
        <translation>rasterklasse '{item}': onbekende categorie '{category}'; gebruik een van {categories}</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/cover.py" line="277"/>
        <source>raster class value {value} is given twice ({value}={first}, {item}); give each value one category</source>
        <translation>rasterwaarde {value} is twee keer opgegeven ({value}={first}, {item}); geef elke waarde één categorie</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/cover.py" line="288"/>
        <source>no raster classes given; give them as value=category, e.g. 1=verhard, 2=groen; categories: {categories}</source>
        <translation>geen rasterklassen opgegeven; geef ze als waarde=categorie, bijv. 1=verhard, 2=groen; categorieën: {categories}</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/cover.py" line="343"/>
        <source>garden paving fraction</source>
        <translation>verhard aandeel van tuinen</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/cover.py" line="343"/>
        <source>or leave it empty</source>
        <translation>of laat het leeg</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/cover.py" line="376"/>
        <source>layer &apos;{layer}&apos;: {count} features have no mapped class and were left out ({listed}); edit the class mapping to count them</source>
        <translation>laag '{layer}': {count} objecten hebben geen ingedeelde klasse en zijn weggelaten ({listed}); pas de klassenindeling aan om ze mee te tellen</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/heat.py" line="51"/>
        <source>raster calculator: &quot;pet@1&quot; - 273.15</source>
        <translation>rasterberekening: &quot;pet@1&quot; - 273.15</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/heat.py" line="130"/>
        <source>layer &apos;{layer}&apos;: {count} addresses lie outside the PET raster and were left out of the cool-place share</source>
        <translation>laag '{layer}': {count} adressen liggen buiten het PET-raster en zijn weggelaten uit het aandeel koele plekken</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/heat.py" line="152"/>
        <source>the strong heat-stress threshold</source>
        <translation>de drempel voor sterke hittestress</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/heat.py" line="152"/>
        <source>the extreme heat-stress threshold</source>
        <translation>de drempel voor extreme hittestress</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/heat.py" line="152"/>
        <source>the cool-place PET maximum</source>
        <translation>de hoogste PET van een koele plek</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/heat.py" line="157"/>
        <source>the strong heat-stress threshold ({strong:g} °C) must be below the extreme one ({extreme:g} °C); swap them or use the PET classes 35 and 41 °C</source>
        <translation>de drempel voor sterke hittestress ({strong:g} °C) moet onder die voor extreme hittestress ({extreme:g} °C) liggen; verwissel ze of gebruik de PET-klassen 35 en 41 °C</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/heat.py" line="166"/>
        <source>the cool-place PET maximum ({cool:g} °C) must be below the extreme heat-stress threshold ({extreme:g} °C): a cool place has no extreme heat stress; the default is 38 °C</source>
        <translation>de hoogste PET van een koele plek ({cool:g} °C) moet onder de drempel voor extreme hittestress ({extreme:g} °C) liggen: een koele plek heeft geen extreme hittestress; standaard is 38 °C</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/heat.py" line="193"/>
        <source>raster &apos;{raster}&apos; is in a geographic CRS ({crs}); distances to cool places need metres: warp it to a projected CRS such as EPSG:28992</source>
        <translation>raster '{raster}' staat in een geografisch CRS ({crs}); afstanden tot koele plekken vragen meters: projecteer het naar een geprojecteerd CRS zoals EPSG:28992</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/inputs.py" line="68"/>
        <source>polygon</source>
        <translation>polygoon</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/roofs.py" line="77"/>
        <source>polygons</source>
        <translation>polygonen</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/inputs.py" line="80"/>
        <source>layer &apos;{layer}&apos;: {count} features have no geometry and are not measured (their values stay empty)</source>
        <translation>laag '{layer}': {count} objecten hebben geen geometrie en worden niet gemeten (hun waarden blijven leeg)</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/inputs.py" line="102"/>
        <source>layer &apos;{layer}&apos;: {count} invalid geometries were repaired (make_valid); check them if the figures look odd</source>
        <translation>laag '{layer}': {count} ongeldige geometrieën zijn hersteld (make_valid); controleer ze als de cijfers vreemd lijken</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/inputs.py" line="122"/>
        <source>point</source>
        <translation>punt</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/inputs.py" line="122"/>
        <source>points</source>
        <translation>punten</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/inputs.py" line="135"/>
        <source>layer &apos;{layer}&apos;: {count} features have no geometry and were left out</source>
        <translation>laag '{layer}': {count} objecten hebben geen geometrie en zijn weggelaten</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/inputs.py" line="154"/>
        <source>layer &apos;{layer}&apos;: {count} features have the very same geometry as another and were counted once; check the layer for duplicates</source>
        <translation>laag '{layer}': {count} objecten hebben precies dezelfde geometrie als een ander en zijn één keer geteld; controleer de laag op dubbele objecten</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/inputs.py" line="167"/>
        <source>layer &apos;{layer}&apos; has no field &apos;{field}&apos;; {what_to_do}</source>
        <translation>laag '{layer}' heeft geen veld '{field}'; {what_to_do}</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/inputs.py" line="196"/>
        <source>pick the dwellings field or none</source>
        <translation>kies het veld met woningen of geen</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/inputs.py" line="202"/>
        <source>layer &apos;{layer}&apos; field &apos;{field}&apos;: {count} values are no dwelling count (e.g. &apos;{example}&apos;) and count as 0; correct them to count those addresses</source>
        <translation>laag '{layer}' veld '{field}': {count} waarden zijn geen aantal woningen (bijv. '{example}') en tellen als 0; verbeter ze om die adressen mee te tellen</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/inputs.py" line="219"/>
        <source>layer &apos;{layer}&apos; field &apos;{field}&apos; has no positive dwelling count; pick the dwellings field or leave it empty to count addresses</source>
        <translation>laag '{layer}' veld '{field}' heeft geen positief aantal woningen; kies het veld met woningen of laat het leeg om adressen te tellen</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/inputs.py" line="233"/>
        <source>layer &apos;{layer}&apos; has no CRS; assign one (e.g. EPSG:28992)</source>
        <translation>laag '{layer}' heeft geen CRS; wijs er een toe (bijv. EPSG:28992)</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/inputs.py" line="249"/>
        <source>layer &apos;{layer}&apos; is in a geographic CRS ({crs}); distances and areas need metres: pass a projected CRS such as EPSG:28992</source>
        <translation>laag '{layer}' staat in een geografisch CRS ({crs}); afstanden en oppervlakten vragen meters: geef een geprojecteerd CRS zoals EPSG:28992</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/inputs.py" line="264"/>
        <source>{what} {value:g} is outside 0-1; give a fraction such as 0.4</source>
        <translation>{what} {value:g} ligt buiten 0-1; geef een fractie zoals 0.4</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/inputs.py" line="266"/>
        <source>{what} {value:g} is outside 0-1; give a fraction such as 0.4 {alternative}</source>
        <translation>{what} {value:g} ligt buiten 0-1; geef een fractie zoals 0.4 {alternative}</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/inputs.py" line="281"/>
        <source>layer &apos;{layer}&apos; does not overlap any feature of &apos;{zones}&apos; (extent {extent}); check that both have the right CRS</source>
        <translation>laag '{layer}' overlapt geen enkel object van '{zones}' (omvang {extent}); controleer of beide het juiste CRS hebben</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/inputs.py" line="298"/>
        <source>layer &apos;{layer}&apos; is empty; pick a layer with features</source>
        <translation>laag '{layer}' is leeg; kies een laag met objecten</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/inputs.py" line="320"/>
        <source>layer &apos;{layer}&apos; has no geometries; pick a layer with {kinds}</source>
        <translation>laag '{layer}' heeft geen geometrieën; kies een laag met {kinds}</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/inputs.py" line="308"/>
        <source>layer &apos;{layer}&apos; has {types} geometries but {kinds} are needed; pick a {kind} layer</source>
        <translation>laag '{layer}' heeft {types}-geometrieën maar er zijn {kinds} nodig; kies een {kind}laag</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/quantities.py" line="26"/>
        <source>{low:g} to {high:g} {unit}</source>
        <translation>{low:g} tot {high:g} {unit}</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/quantities.py" line="34"/>
        <source>{what} {value:g} {unit} is outside the plausible range of {name} ({range}); give it in {unit}</source>
        <translation>{what} {value:g} {unit} ligt buiten het aannemelijke bereik van {name} ({range}); geef het in {unit}</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/quantities.py" line="48"/>
        <source>vegetation height</source>
        <translation>vegetatiehoogte</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/roofs.py" line="100"/>
        <source>usable share of sloped roofs</source>
        <translation>bruikbaar aandeel van schuine daken</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/roofs.py" line="101"/>
        <source>usable share of roofs of unknown shape</source>
        <translation>bruikbaar aandeel van daken met onbekende vorm</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/roofs.py" line="134"/>
        <source>pick the roof-type field or leave it empty</source>
        <translation>kies het veld met het daktype of laat het leeg</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/roofs.py" line="152"/>
        <source>field &apos;{field}&apos; of layer &apos;{layer}&apos; holds numbers (e.g. &apos;{example}&apos;), not roof shapes such as &apos;flat&apos; or &apos;gabled&apos;; pick the roof-type field or leave it empty</source>
        <translation>veld '{field}' van laag '{layer}' bevat getallen (bijv. '{example}'), geen dakvormen zoals 'flat' of 'gabled'; kies het veld met het daktype of laat het leeg</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/screen.py" line="63"/>
        <source>raster &apos;{raster}&apos; is a coloured map ({bands} bands, {colours} colours), not {name} values; use the data raster with one band of {name} in {unit}</source>
        <translation>raster '{raster}' is een gekleurde kaart ({bands} banden, {colours}-kleuren), geen waarden van {name}; gebruik het dataraster met één band {name} in {unit}</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/screen.py" line="81"/>
        <source>raster &apos;{raster}&apos; has no cell with data (all are nodata); pick a raster with {name} values</source>
        <translation>raster '{raster}' heeft geen cel met gegevens (alle zijn nodata); kies een raster met waarden van {name}</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/screen.py" line="96"/>
        <source>raster &apos;{raster}&apos; looks like {name} in {wrong_unit}, not {unit}: {count} cells lie between {low:g} and {high:g} (e.g. {example:g}) and {plausible} in {range}; convert it to {unit} ({how}) and run again</source>
        <translation>raster '{raster}' lijkt {name} in {wrong_unit}, niet in {unit}: {count} cellen liggen tussen {low:g} en {high:g} (bijv. {example:g}) en {plausible} in {range}; reken het om naar {unit} ({how}) en voer opnieuw uit</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/screen.py" line="115"/>
        <source>raster &apos;{raster}&apos; has no cell with a plausible {name} ({range}): all {count} cells with data lie outside it (e.g. {example:g}); check the raster&apos;s unit (tenths of a unit need the band&apos;s scale set) and its nodata value</source>
        <translation>raster '{raster}' heeft geen cel met een aannemelijke {name} ({range}): alle {count} cellen met gegevens liggen erbuiten (bijv. {example:g}); controleer de eenheid van het raster (tienden van een eenheid vragen een ingestelde schaal van de band) en de nodata-waarde</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/screen.py" line="129"/>
        <source>raster &apos;{raster}&apos;: {count} cells lie outside the plausible range of {name} ({range}), e.g. {example:g}, and were left out as nodata (the coverage dek_* shows it); if they are nodata, set the raster&apos;s nodata value, else check the raster</source>
        <translation>raster '{raster}': {count} cellen liggen buiten het aannemelijke bereik van {name} ({range}), bijv. {example:g}, en zijn als nodata weggelaten (de dekking dek_* toont het); zijn het nodata, stel dan de nodata-waarde van het raster in, controleer anders het raster</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/transit.py" line="70"/>
        <source>pick the field that holds the mode</source>
        <translation>kies het veld met de vervoerswijze</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/transit.py" line="78"/>
        <source>layer &apos;{layer}&apos; field &apos;{field}&apos; has value &apos;{value}&apos;, which is no mode; use one of {modes}</source>
        <translation>laag '{layer}' veld '{field}' heeft waarde '{value}', die geen vervoerswijze is; gebruik een van {modes}</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/transit.py" line="126"/>
        <source>transit profile &apos;{profile}&apos; is unknown; use &apos;pbl&apos; or &apos;planning&apos;</source>
        <translation>OV-profiel '{profile}' is onbekend; gebruik 'pbl' of 'planning'</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/transit.py" line="132"/>
        <source>transit distance {mode} = {distance!r}: give a distance in metres above 0 for one of {modes}</source>
        <translation>OV-afstand {mode} = {distance!r}: geef een afstand in meters boven 0 voor een van {modes}</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/transit.py" line="150"/>
        <source>layer &apos;{layer}&apos; has no stop with a recognised mode; pick the mode field ({modes})</source>
        <translation>laag '{layer}' heeft geen halte met een herkende vervoerswijze; kies het veld met de vervoerswijze ({modes})</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/transit.py" line="156"/>
        <source>layer &apos;{layer}&apos;: modes read from OSM tags, which do not mark Intercity stations; {field} stays 0 unless a mode field is given</source>
        <translation>laag '{layer}': vervoerswijzen gelezen uit OSM-tags, die intercitystations niet aanduiden; {field} blijft 0 tenzij een veld met de vervoerswijze is opgegeven</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/zonal.py" line="167"/>
        <source>raster &apos;{raster}&apos; has no cell of the classes {classes} inside &apos;{zones}&apos; (values found there: {listed}); give the raster&apos;s class values</source>
        <translation>raster '{raster}' heeft binnen '{zones}' geen cel van de klassen {classes} (gevonden waarden: {listed}); geef de klassewaarden van het raster</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/zonal.py" line="178"/>
        <source>raster &apos;{raster}&apos;: {count} cells inside &apos;{zones}&apos; have a value that is not among the classes {classes} (e.g. {listed}) and count as not covered; add those values to the classes to count them</source>
        <translation>raster '{raster}': {count} cellen binnen '{zones}' hebben een waarde die niet bij de klassen {classes} hoort (bijv. {listed}) en tellen als niet bedekt; voeg die waarden aan de klassen toe om ze mee te tellen</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/zonal.py" line="346"/>
        <source>raster &apos;{raster}&apos; cannot be read ({reason}); pick a raster file</source>
        <translation>raster '{raster}' kan niet worden gelezen ({reason}); kies een rasterbestand</translation>
    </message>
    <message>
        <location filename="../../scoring/indicators/zonal.py" line="353"/>
        <source>raster &apos;{raster}&apos; has no CRS; assign one (e.g. EPSG:28992)</source>
        <translation>raster '{raster}' heeft geen CRS; wijs er een toe (bijv. EPSG:28992)</translation>
    </message>
    <message>
        <location filename="../../scoring/profile.py" line="34"/>
        <source>profile</source>
        <translation>profiel</translation>
    </message>
    <message>
        <location filename="../../scoring/profile.py" line="132"/>
        <source>profile.base = {base!r}: give &apos;default&apos; or the path of a profile.</source>
        <translation>profile.base = {base!r}: geef 'default' of het pad van een profiel.</translation>
    </message>
    <message>
        <location filename="../../scoring/profile.py" line="137"/>
        <source>profile.base = {base!r} in &apos;{file}&apos; refers back to itself.</source>
        <translation>profile.base = {base!r} in '{file}' verwijst naar zichzelf terug.</translation>
    </message>
    <message>
        <location filename="../../scoring/profile.py" line="180"/>
        <source>cbs_fields.{key} = {value!r}: give the name of the layer field as text.</source>
        <translation>cbs_fields.{key} = {value!r}: geef de naam van het laagveld als tekst.</translation>
    </message>
    <message>
        <location filename="../../scoring/profile.py" line="260"/>
        <source>transitions.{transition}: unknown transition; use one of {transitions}.</source>
        <translation>transitions.{transition}: onbekende transitie; gebruik een van {transitions}.</translation>
    </message>
    <message>
        <location filename="../../scoring/profile.py" line="271"/>
        <source>{where}: indicator names start with &apos;{prefix}&apos; (the field they are read from).</source>
        <translation>{where}: indicatornamen beginnen met '{prefix}' (het veld waaruit ze gelezen worden).</translation>
    </message>
    <message>
        <location filename="../../scoring/profile.py" line="280"/>
        <source>{where} = {weight!r}: weight must be a finite number &gt;= 0 (not nan or inf).</source>
        <translation>{where} = {weight!r}: het gewicht moet een eindig getal &gt;= 0 zijn (geen nan of inf).</translation>
    </message>
    <message>
        <location filename="../../scoring/profile.py" line="291"/>
        <source>transitions: no indicator has a weight above 0; give at least one transition an indicator, e.g. [transitions.energie] {example} = 1.</source>
        <translation>transitions: geen indicator heeft een gewicht boven 0; geef minstens één transitie een indicator, bijv. [transitions.energie] {example} = 1.</translation>
    </message>
    <message>
        <location filename="../../scoring/profile.py" line="310"/>
        <source>{where}: &apos;{indicator}&apos; is not in the catalogue, so give both &apos;good&apos; (urgency 0) and &apos;bad&apos; (urgency 100) values.</source>
        <translation>{where}: '{indicator}' staat niet in de catalogus, geef dus zowel 'good' (urgentie 0) als 'bad' (urgentie 100).</translation>
    </message>
    <message>
        <location filename="../../scoring/profile.py" line="326"/>
        <source>{where}: good and bad are both {value:g}; they must differ.</source>
        <translation>{where}: good en bad zijn allebei {value:g}; ze moeten verschillen.</translation>
    </message>
    <message>
        <location filename="../../scoring/scores.py" line="65"/>
        <source>The wijk layer has no features; nothing to score.</source>
        <translation>De wijkenlaag heeft geen objecten; er is niets te scoren.</translation>
    </message>
    <message>
        <location filename="../../scoring/scores.py" line="76"/>
        <source>None of the indicators of profile &apos;{profile}&apos; has a value: looked for {indicators}. Run the indicator algorithms first, or map CBS fields in the profile.</source>
        <translation>Geen van de indicatoren van profiel '{profile}' heeft een waarde: gezocht naar {indicators}. Voer eerst de indicatoralgoritmen uit, of koppel CBS-velden in het profiel.</translation>
    </message>
    <message>
        <location filename="../../scoring/stakeholders.py" line="83"/>
        <source>stakeholder</source>
        <translation>stakeholder</translation>
    </message>
    <message>
        <location filename="../../scoring/stakeholders.py" line="85"/>
        <source>layer &apos;{layer}&apos;: give both the transition field and the score field (a long table), or neither (a wide table with score_&lt;transition&gt; fields).</source>
        <translation>laag '{layer}': geef zowel het transitieveld als het scoreveld (een lange tabel), of geen van beide (een brede tabel met score_&lt;transition&gt;-velden).</translation>
    </message>
    <message>
        <location filename="../../scoring/stakeholders.py" line="95"/>
        <source>transition</source>
        <translation>transitie</translation>
    </message>
    <message>
        <location filename="../../scoring/stakeholders.py" line="96"/>
        <source>score</source>
        <translation>score</translation>
    </message>
    <message>
        <location filename="../../scoring/stakeholders.py" line="103"/>
        <source>layer &apos;{layer}&apos;, row {row}: field &apos;{field}&apos; is empty; fill it in or remove the row.</source>
        <translation>laag '{layer}', rij {row}: veld '{field}' is leeg; vul het in of verwijder de rij.</translation>
    </message>
    <message>
        <location filename="../../scoring/stakeholders.py" line="113"/>
        <source>layer &apos;{layer}&apos;, row {row} (wijk &apos;{wijk}&apos;, stakeholder &apos;{stakeholder}&apos;)</source>
        <translation>laag '{layer}', rij {row} (wijk '{wijk}', stakeholder '{stakeholder}')</translation>
    </message>
    <message>
        <location filename="../../scoring/stakeholders.py" line="126"/>
        <source>{where}: field &apos;{field}&apos; holds &apos;{value}&apos;, which is not a transition; use one of {transitions} (or its Dutch label).</source>
        <translation>{where}: veld '{field}' bevat '{value}', dat geen transitie is; gebruik een van {transitions} (of de Nederlandse naam).</translation>
    </message>
    <message>
        <location filename="../../scoring/stakeholders.py" line="142"/>
        <source>{where}: field &apos;{field}&apos; holds &apos;{value}&apos;, which {problem}; give a score from 0 (not urgent) to 100 (most urgent) or leave it empty.</source>
        <translation>{where}: veld '{field}' bevat '{value}', dat {problem}; geef een score van 0 (niet urgent) tot 100 (meest urgent) of laat het leeg.</translation>
    </message>
    <message>
        <location filename="../../scoring/stakeholders.py" line="142"/>
        <source>is outside 0-100</source>
        <translation>buiten 0-100 ligt</translation>
    </message>
    <message>
        <location filename="../../scoring/stakeholders.py" line="156"/>
        <source>layer &apos;{layer}&apos;: row {first} and row {second} both give stakeholder &apos;{stakeholder}&apos; a score for {transition} in wijk &apos;{wijk}&apos;; keep one of them.</source>
        <translation>laag '{layer}': rij {first} en rij {second} geven stakeholder '{stakeholder}' allebei een score voor {transition} in wijk '{wijk}'; houd er één van over.</translation>
    </message>
    <message>
        <location filename="../../scoring/stakeholders.py" line="183"/>
        <source>field &apos;{field}&apos; of layer &apos;{layer}&apos; is not score_ plus a transition; rename it to one of {fields} or remove it.</source>
        <translation>veld '{field}' van laag '{layer}' is niet score_ plus een transitie; hernoem het naar een van {fields} of verwijder het.</translation>
    </message>
    <message>
        <location filename="../../scoring/stakeholders.py" line="193"/>
        <source>fields &apos;{first}&apos; and &apos;{second}&apos; of layer &apos;{layer}&apos; both hold scores for {transition}; keep one of them.</source>
        <translation>velden '{first}' en '{second}' van laag '{layer}' bevatten allebei scores voor {transition}; houd er één van over.</translation>
    </message>
    <message>
        <location filename="../../scoring/stakeholders.py" line="205"/>
        <source>layer &apos;{layer}&apos; has no score_&lt;transition&gt; fields (e.g. {example}); give the transition and score fields of a long table, or add such fields.</source>
        <translation>laag '{layer}' heeft geen score_&lt;transition&gt;-velden (bijv. {example}); geef het transitie- en scoreveld van een lange tabel, of voeg zulke velden toe.</translation>
    </message>
    <message>
        <location filename="../../scoring/stakeholders.py" line="231"/>
        <source>divergence threshold {threshold} is below 0; give 0 to 100 points.</source>
        <translation>afwijkingsdrempel {threshold} ligt onder 0; geef 0 tot 100 punten.</translation>
    </message>
    <message>
        <location filename="../../scoring/stakeholders.py" line="236"/>
        <source>stakeholder weight {weight} is outside 0-1; give a share from 0 to 1.</source>
        <translation>stakeholdergewicht {weight} ligt buiten 0-1; geef een aandeel van 0 tot 1.</translation>
    </message>
    <message>
        <location filename="../../scoring/stakeholders.py" line="247"/>
        <source>none of the {count} stakeholder score(s) can be placed in a wijk</source>
        <translation>geen van de {count} stakeholderscore(s) is in een wijk te plaatsen</translation>
    </message>
    <message>
        <location filename="../../scoring/tables.py" line="53"/>
        <source>reads as {dutch:g} with Dutch separators and as {english:g} with English ones</source>
        <translation>leest als {dutch:g} met Nederlandse scheidingstekens en als {english:g} met Engelse</translation>
    </message>
    <message>
        <location filename="../../scoring/tables.py" line="58"/>
        <source>is not a number</source>
        <translation>geen getal is</translation>
    </message>
    <message>
        <location filename="../../scoring/tables.py" line="80"/>
        <source>layer &apos;{layer}&apos;, row {row}: field &apos;{field}&apos; holds &apos;{value}&apos;, text that is not {encoding}: the file was saved in another encoding. Save it again as UTF-8, or set its encoding in the layer properties (Source, Data source encoding).</source>
        <translation>laag '{layer}', rij {row}: veld '{field}' bevat '{value}', tekst die geen {encoding} is: het bestand is in een andere codering opgeslagen. Sla het opnieuw op als UTF-8, of stel de codering in bij de laageigenschappen (Bron, Codering gegevensbron).</translation>
    </message>
    <message>
        <location filename="../../scoring/tables.py" line="100"/>
        <source>{where}: their wijk codes ({codes}) are not in layer &apos;{layer}&apos;. Check that both wijk code fields hold the same codes.</source>
        <translation>{where}: hun wijkcodes ({codes}) staan niet in laag '{layer}'. Controleer of beide wijkcodevelden dezelfde codes bevatten.</translation>
    </message>
    <message>
        <location filename="../../scoring/tables.py" line="114"/>
        <source>field &apos;{field}&apos; ({role}) not found in layer &apos;{layer}&apos;; its fields are: {fields}. Pick another field.</source>
        <translation>veld '{field}' ({role}) niet gevonden in laag '{layer}'; de velden zijn: {fields}. Kies een ander veld.</translation>
    </message>
    <message>
        <location filename="../../scoring/tables.py" line="114"/>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <location filename="../../scoring/tables.py" line="131"/>
        <source>layer &apos;{layer}&apos; has no CBS wijk code field (WK_CODE, wijkcode, ...); pick the field that holds the wijk codes.</source>
        <translation>laag '{layer}' heeft geen CBS-wijkcodeveld (WK_CODE, wijkcode, ...); kies het veld met de wijkcodes.</translation>
    </message>
    <message>
        <location filename="../../scoring/tables.py" line="158"/>
        <source>layer &apos;{layer}&apos; has none of the fields {fields}; run &apos;Score transitions&apos; on it first.</source>
        <translation>laag '{layer}' heeft geen van de velden {fields}; voer er eerst 'Transities scoren' op uit.</translation>
    </message>
    <message>
        <location filename="../../scoring/text_files.py" line="37"/>
        <source>The file &apos;{file}&apos; starts like UTF-16 text but byte {byte} is not UTF-16; save it again as UTF-8.</source>
        <translation>Het bestand '{file}' begint als UTF-16-tekst maar byte {byte} is geen UTF-16; sla het opnieuw op als UTF-8.</translation>
    </message>
    <message>
        <location filename="../../scoring/text_files.py" line="47"/>
        <source>The file &apos;{file}&apos; holds a NUL byte (at byte {byte}), so it is not a text file; pick the text file (UTF-8, cp1252 or latin-1) itself.</source>
        <translation>Het bestand '{file}' bevat een NUL-byte (op byte {byte}), dus het is geen tekstbestand; kies het tekstbestand (UTF-8, cp1252 of latin-1) zelf.</translation>
    </message>
    <message>
        <location filename="../../scoring/text_files.py" line="60"/>
        <source>The file &apos;{file}&apos; starts with the UTF-8 mark (BOM) but is not UTF-8: byte 0x{byte:02X} at position {position}; save it again as UTF-8.</source>
        <translation>Het bestand '{file}' begint met het UTF-8-teken (BOM) maar is geen UTF-8: byte 0x{byte:02X} op positie {position}; sla het opnieuw op als UTF-8.</translation>
    </message>
    <message>
        <location filename="../../scoring/text_files.py" line="72"/>
        <source>The file &apos;{file}&apos; is neither UTF-8 nor cp1252/latin-1 text: byte 0x{byte:02X} at position {position} is not a character in either; save it again as UTF-8.</source>
        <translation>Het bestand '{file}' is geen UTF-8- en geen cp1252/latin-1-tekst: byte 0x{byte:02X} op positie {position} is in geen van beide een teken; sla het opnieuw op als UTF-8.</translation>
    </message>
    <message>
        <location filename="../../scoring/text_files.py" line="89"/>
        <source>The {what} file &apos;{file}&apos; does not exist; pick an existing file.</source>
        <translation>Het bestand ({what}) '{file}' bestaat niet; kies een bestaand bestand.</translation>
    </message>
    <message>
        <location filename="../../scoring/text_files.py" line="95"/>
        <source>The {what} file &apos;{file}&apos; is a folder; pick a file.</source>
        <translation>Het bestand ({what}) '{file}' is een map; kies een bestand.</translation>
    </message>
    <message>
        <location filename="../../scoring/text_files.py" line="99"/>
        <source>The {what} file &apos;{file}&apos; cannot be read: {reason}.</source>
        <translation>Het bestand ({what}) '{file}' kan niet worden gelezen: {reason}.</translation>
    </message>
    <message>
        <location filename="../../scoring/toml_checks.py" line="33"/>
        <source>Reading the {what} needs Python 3.11 or the &apos;tomli&apos; package; install tomli into the QGIS Python environment.</source>
        <translation>Het lezen van de {what} vraagt Python 3.11 of het pakket 'tomli'; installeer tomli in de Python-omgeving van QGIS.</translation>
    </message>
    <message>
        <location filename="../../scoring/toml_checks.py" line="44"/>
        <source>The {what} file &apos;{file}&apos; is not valid TOML: {reason}.</source>
        <translation>Het bestand ({what}) '{file}' is geen geldige TOML: {reason}.</translation>
    </message>
    <message>
        <location filename="../../scoring/toml_checks.py" line="58"/>
        <source>{what} &apos;{file}&apos;: {reason}</source>
        <translation>{what} '{file}': {reason}</translation>
    </message>
    <message>
        <location filename="../../scoring/toml_checks.py" line="65"/>
        <source>a table</source>
        <translation>een tabel</translation>
    </message>
    <message>
        <location filename="../../scoring/toml_checks.py" line="67"/>
        <source>{where} = {value!r}: must be {what} ([{where}]).</source>
        <translation>{where} = {value!r}: moet {what} zijn ([{where}]).</translation>
    </message>
    <message>
        <location filename="../../scoring/toml_checks.py" line="85"/>
        <source>{key}: unknown key; allowed here: {allowed}.</source>
        <translation>{key}: onbekende sleutel; hier toegestaan: {allowed}.</translation>
    </message>
    <message>
        <location filename="../../scoring/toml_checks.py" line="96"/>
        <source>{where}.{key} is missing: must be one of {choices}.</source>
        <translation>{where}.{key} ontbreekt: moet een van {choices} zijn.</translation>
    </message>
    <message>
        <location filename="../../scoring/toml_checks.py" line="104"/>
        <source>{where}.{key} = {value!r}: must be one of {choices}.</source>
        <translation>{where}.{key} = {value!r}: moet een van {choices} zijn.</translation>
    </message>
    <message>
        <location filename="../../scoring/toml_checks.py" line="116"/>
        <source>{where}.{key} is missing: give it as text.</source>
        <translation>{where}.{key} ontbreekt: geef het als tekst.</translation>
    </message>
    <message>
        <location filename="../../scoring/toml_checks.py" line="119"/>
        <source>{where}.{key} = {value!r}: must be text.</source>
        <translation>{where}.{key} = {value!r}: moet tekst zijn.</translation>
    </message>
    <message>
        <location filename="../../scoring/toml_checks.py" line="136"/>
        <source>a whole number</source>
        <translation>een geheel getal</translation>
    </message>
    <message>
        <location filename="../../scoring/toml_checks.py" line="136"/>
        <source>a number</source>
        <translation>een getal</translation>
    </message>
    <message>
        <location filename="../../scoring/toml_checks.py" line="137"/>
        <source>{kind} {rule}</source>
        <translation>{kind} {rule}</translation>
    </message>
    <message>
        <location filename="../../scoring/toml_checks.py" line="140"/>
        <source>{where}.{key} is missing: give {wanted}.</source>
        <translation>{where}.{key} ontbreekt: geef {wanted}.</translation>
    </message>
    <message>
        <location filename="../../scoring/toml_checks.py" line="147"/>
        <source>{where}.{key} = {value!r}: must be {wanted} (not nan or inf).</source>
        <translation>{where}.{key} = {value!r}: moet {wanted} zijn (geen nan of inf).</translation>
    </message>
    <message>
        <location filename="../../scoring/toml_checks.py" line="149"/>
        <source>{where}.{key} = {value!r}: must be {wanted}.</source>
        <translation>{where}.{key} = {value!r}: moet {wanted} zijn.</translation>
    </message>
    <message>
        <location filename="../../scoring/toml_checks.py" line="163"/>
        <source>from {low:g} to {high:g}</source>
        <translation>van {low:g} tot {high:g}</translation>
    </message>
    <message>
        <location filename="../../scoring/provenance.py" line="163"/>
        <source>layer &apos;{layer}&apos;: field &apos;{field}&apos; of {count} wijk(en) does not hold what &apos;Score transitions&apos; writes there; their indicator fields are credited to the layer itself.</source>
        <translation>laag '{layer}': veld '{field}' van {count} wijk(en) bevat niet wat 'Transities scoren' daar schrijft; hun indicatorvelden krijgen de laag zelf als herkomst.</translation>
    </message>
    <message>
        <location filename="../../ui/layer_profile.py" line="27"/>
        <source>The scores and urgencies shown come from the layer; the indicator list, their transitions and methods from the default profile. Run &apos;Score transitions&apos; again to fix this.</source>
        <translation>De getoonde scores en urgenties komen uit de laag; de lijst van indicatoren, hun transities en methoden uit het standaardprofiel. Voer 'Transities scoren' opnieuw uit om dit op te lossen.</translation>
    </message>
    <message>
        <location filename="../../ui/layer_profile.py" line="48"/>
        <source>Profile &apos;{name}&apos; that this layer was scored with is not at hand: no file &apos;{path}&apos;. {consequence}</source>
        <translation>Profiel '{name}' waarmee deze laag is gescoord is niet beschikbaar: bestand '{path}' bestaat niet. {consequence}</translation>
    </message>
    <message>
        <location filename="../../ui/layer_profile.py" line="63"/>
        <source>Profile &apos;{name}&apos; (&apos;{path}&apos;) cannot be read: {reason} {consequence}</source>
        <translation>Profiel '{name}' ('{path}') kan niet worden gelezen: {reason} {consequence}</translation>
    </message>
    <message>
        <location filename="../../ui/layer_profile.py" line="76"/>
        <source>This layer was scored with the shipped default profile (&apos;{name}&apos;), which has changed since (another Wijkdiagnose version). {consequence}</source>
        <translation>Deze laag is gescoord met het meegeleverde standaardprofiel ('{name}'), dat sindsdien is gewijzigd (een andere versie van Wijkdiagnose). {consequence}</translation>
    </message>
    <message>
        <location filename="../../ui/layer_profile.py" line="85"/>
        <source>Profile &apos;{name}&apos; (&apos;{path}&apos;) has changed since this layer was scored. {consequence}</source>
        <translation>Profiel '{name}' ('{path}') is gewijzigd sinds deze laag is gescoord. {consequence}</translation>
    </message>
    <message>
        <location filename="../../ui/state.py" line="117"/>
        <source>The stakeholder table &apos;{path}&apos; is not a readable CSV: {reason}</source>
        <translation>De stakeholdertabel '{path}' is geen leesbaar CSV-bestand: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/wijk_view.py" line="160"/>
        <source>This wijk was scored before Wijkdiagnose stored the urgency of every indicator and its source with the scores (field &apos;{field}&apos; is missing or empty): the urgency column stays empty. Run &apos;Score transitions&apos; again to fill it.</source>
        <translation>Deze wijk is gescoord voordat Wijkdiagnose de urgentie en de bron van elke indicator bij de scores opsloeg (veld '{field}' ontbreekt of is leeg): de kolom urgentie blijft leeg. Voer 'Transities scoren' opnieuw uit om die te vullen.</translation>
    </message>
    <message>
        <location filename="../../scoring/national/kwb.py" line="50"/>
        <source>the answer of &apos;{url}&apos; is not an OGC API Features answer: {what}. Check the address (BASE_URL) of the CBS service.</source>
        <translation>het antwoord van '{url}' is geen OGC API Features-antwoord: {what}. Controleer het adres (BASE_URL) van de CBS-dienst.</translation>
    </message>
    <message>
        <location filename="../../scoring/national/kwb.py" line="65"/>
        <source>it has no &apos;properties&apos; object</source>
        <translation>het heeft geen object 'properties'</translation>
    </message>
    <message>
        <location filename="../../scoring/national/kwb.py" line="83"/>
        <source>&apos;{layer}&apos; has none of the code properties {properties}; its units cannot be matched between years. Check the collection (wijken or buurten).</source>
        <translation>'{layer}' heeft geen van de code-eigenschappen {properties}; de eenheden zijn niet tussen jaren te koppelen. Controleer de collectie (wijken of buurten).</translation>
    </message>
    <message>
        <location filename="../../scoring/national/kwb.py" line="178"/>
        <source>{layer}: {count} value(s) missing in kwb {newest} taken from kwb {year} ({variables}).</source>
        <translation>{layer}: {count} waarde(n) die in kwb {newest} ontbreken, overgenomen uit kwb {year} ({variables}).</translation>
    </message>
    <message>
        <location filename="../../scoring/national/kwb.py" line="198"/>
        <source>{layer}: {count} code(s) of kwb {newest} do not exist in kwb {year} ({codes}), e.g. wijken or buurten redrawn; their missing values are not taken from {year}.</source>
        <translation>{layer}: {count} code(s) van kwb {newest} bestaan niet in kwb {year} ({codes}), bijvoorbeeld opnieuw ingedeelde wijken of buurten; hun ontbrekende waarden worden niet uit {year} overgenomen.</translation>
    </message>
    <message>
        <location filename="../../scoring/provenance.py" line="155"/>
        <source>layer &apos;{layer}&apos;: field &apos;{field}&apos; of {count} wijk(en) does not hold what &apos;Fetch CBS kerncijfers&apos; writes there; their CBS indicators get the year of the layer&apos;s year field, if it has one.</source>
        <translation>laag '{layer}': veld '{field}' van {count} wijk(en) bevat niet wat 'CBS-kerncijfers ophalen' daar schrijft; hun CBS-indicatoren krijgen het jaar uit het jaarveld van de laag, als dat er is.</translation>
    </message>
    <message>
        <location filename="../../scoring/schema/national.py" line="37"/>
        <source>layer &apos;{layer}&apos;: field &apos;{field}&apos; does not hold what &apos;Fetch CBS kerncijfers&apos; writes there (a JSON object of CBS variable and kwb year); fetch the kerncijfers again or remove the field.</source>
        <translation>laag '{layer}': veld '{field}' bevat niet wat 'CBS-kerncijfers ophalen' daar schrijft (een JSON-object met CBS-variabele en kwb-jaar); haal de kerncijfers opnieuw op of verwijder het veld.</translation>
    </message>
    <message>
        <location filename="../../scoring/schema/national.py" line="57"/>
        <source>field &apos;{field}&apos; holds &apos;{value}&apos;, which is neither true nor false; write true for a unit without inhabitants (or only water) and false otherwise.</source>
        <translation>veld '{field}' bevat '{value}', wat niet waar of onwaar is; schrijf true voor een eenheid zonder inwoners (of alleen water) en anders false.</translation>
    </message>
    <message>
        <location filename="../../scoring/scores.py" line="141"/>
        <source>{count} wijk(en) marked &apos;{field}&apos; (only water, or no inhabitants) were left without scores and koploper.</source>
        <translation>{count} wijk(en) gemarkeerd als '{field}' (alleen water, of geen inwoners) zijn zonder scores en koploper gelaten.</translation>
    </message>
    <message>
        <location filename="../../scoring/schema/wijk.py" line="141"/>
        <source>layer &apos;{table}&apos; gives wijk codes ({codes}), but layer &apos;{layer}&apos; holds buurten (codes {example}, ...): give the buurt code (BU...) of every row, or use the layer of wijken.</source>
        <translation>laag '{table}' geeft wijkcodes ({codes}), maar laag '{layer}' bevat buurten (codes {example}, ...): geef van elke rij de buurtcode (BU...), of gebruik de laag met wijken.</translation>
    </message>
    <message>
        <location filename="../../scoring/explain.py" line="18"/>
        <source>established</source>
        <translation>vastgesteld</translation>
    </message>
    <message>
        <location filename="../../scoring/explain.py" line="19"/>
        <source>provisional</source>
        <translation>voorlopig</translation>
    </message>
    <message>
        <location filename="../../scoring/explain.py" line="20"/>
        <source>insufficient data</source>
        <translation>onvoldoende gegevens</translation>
    </message>
    <message>
        <location filename="../../scoring/explain.py" line="27"/>
        <source>status unknown</source>
        <translation>status onbekend</translation>
    </message>
    <message>
        <location filename="../../scoring/explain.py" line="36"/>
        <source>{items} and {last}</source>
        <translation>{items} en {last}</translation>
    </message>
    <message>
        <location filename="../../scoring/explain.py" line="43"/>
        <source>{transitions} not measured</source>
        <translation>{transitions} niet gemeten</translation>
    </message>
    <message>
        <location filename="../../scoring/explain.py" line="52"/>
        <source>No koploper ({status})</source>
        <translation>Geen koploper ({status})</translation>
    </message>
    <message>
        <location filename="../../scoring/explain.py" line="54"/>
        <source>Koploper {koploper} ({status}, zekerheid {zekerheid})</source>
        <translation>Koploper {koploper} ({status}, zekerheid {zekerheid})</translation>
    </message>
    <message>
        <location filename="../../scoring/explain.py" line="70"/>
        <source>{koploper} leads {runner_up} by {lead} points</source>
        <translation>{koploper} ligt {lead} punten voor op {runner_up}</translation>
    </message>
    <message>
        <location filename="../../scoring/explain.py" line="79"/>
        <source>most of it from {indicator} ({points} points)</source>
        <translation>vooral door {indicator} ({points} punten)</translation>
    </message>
    <message>
        <location filename="../../scoring/explain.py" line="89"/>
        <source>{sentence}.</source>
        <translation>{sentence}.</translation>
    </message>
    <message>
        <location filename="../../scoring/explain.py" line="99"/>
        <source>{transition} would become koploper if measured at its national P90 (score {score})</source>
        <translation>{transition} wordt koploper als die gemeten wordt op zijn landelijke P90 (score {score})</translation>
    </message>
    <message>
        <location filename="../../scoring/explain.py" line="107"/>
        <source>{transition} would become koploper if the weight of {indicator} in {weight_transition} went from {weight_from} to {weight_to}</source>
        <translation>{transition} wordt koploper als het gewicht van {indicator} in {weight_transition} van {weight_from} naar {weight_to} gaat</translation>
    </message>
    <message>
        <location filename="../../scoring/explain.py" line="125"/>
        <source>does not count</source>
        <translation>telt niet mee</translation>
    </message>
    <message>
        <location filename="../../scoring/explain.py" line="126"/>
        <source>does not count (measured on {share} % of the wijk, minimum {minimum} %)</source>
        <translation>telt niet mee (gemeten op {share} % van de wijk, minimum {minimum} %)</translation>
    </message>
    <message>
        <location filename="../../ui/wijk_view.py" line="174"/>
        <source>This wijk was scored before Wijkdiagnose stored how firm the koploper is and why it leads (field &apos;{field}&apos; is missing or empty): its status reads as unknown and the Scores tab cannot say why. Run &apos;Score transitions&apos; again to fill it.</source>
        <translation>Deze wijk is gescoord voordat Wijkdiagnose opsloeg hoe vast de koploper staat en waarom die voorop ligt (veld '{field}' ontbreekt of is leeg): de status is onbekend en het tabblad Scores kan niet zeggen waarom. Voer 'Transities scoren' opnieuw uit om die te vullen.</translation>
    </message>
    <message>
        <location filename="../../scoring/calibration.py" line="56"/>
        <source>calibration</source>
        <translation>kalibratie</translation>
    </message>
    <message>
        <location filename="../../scoring/calibration.py" line="98"/>
        <source>layer &apos;{layer}&apos; holds {units} inhabited {level} unit(s); a calibration needs the whole country (at least {minimum}). Fetch all of NL with fetch_cbs (GEMEENTE empty) or give the national kwb table.</source>
        <translation>laag '{layer}' bevat {units} bewoonde eenheid/eenheden van niveau {level}; een kalibratie vraagt het hele land (minstens {minimum}). Haal heel Nederland op met fetch_cbs (GEMEENTE leeg) of geef de landelijke kwb-tabel.</translation>
    </message>
    <message>
        <location filename="../../scoring/calibration.py" line="117"/>
        <source>{indicator}: only {count} of {units} units have a value (at least {minimum} needed); left out, its catalogue references stay.</source>
        <translation>{indicator}: maar {count} van {units} eenheden hebben een waarde (minstens {minimum} nodig); weggelaten, de referenties uit de catalogus blijven.</translation>
    </message>
    <message>
        <location filename="../../scoring/calibration.py" line="134"/>
        <source>layer &apos;{layer}&apos; has no value for any CBS indicator: none of the fields {fields} (or their other names, docs/cbs.md) holds a figure. Give the kerncijfers fetch_cbs writes or the kwb table of CBS.</source>
        <translation>laag '{layer}' heeft voor geen enkele CBS-indicator een waarde: geen van de velden {fields} (of hun andere namen, docs/cbs.md) bevat een cijfer. Geef de kerncijfers die fetch_cbs schrijft of de kwb-tabel van het CBS.</translation>
    </message>
    <message>
        <location filename="../../scoring/calibration.py" line="212"/>
        <source>calibration.name is empty: give the calibration a name.</source>
        <translation>calibration.name is leeg: geef de kalibratie een naam.</translation>
    </message>
    <message>
        <location filename="../../scoring/calibration.py" line="215"/>
        <source>of at least {minimum} (the wijken of a country)</source>
        <translation>van minstens {minimum} (de wijken van een land)</translation>
    </message>
    <message>
        <location filename="../../scoring/calibration.py" line="226"/>
        <source>calibration.licence = {value!r}: must name CBS and {licence}, the attribution the CBS data asks for, e.g. {example!r}.</source>
        <translation>calibration.licence = {value!r}: moet CBS en {licence} noemen, de naamsvermelding die de CBS-gegevens vragen, bijvoorbeeld {example!r}.</translation>
    </message>
    <message>
        <location filename="../../scoring/calibration.py" line="237"/>
        <source>indicators: none given; a calibration holds at least one [indicators.&lt;id&gt;].</source>
        <translation>indicators: geen opgegeven; een kalibratie bevat minstens één [indicators.&lt;id&gt;].</translation>
    </message>
    <message>
        <location filename="../../scoring/calibration.py" line="251"/>
        <source>{where}: &apos;{indicator}&apos; is not in the catalogue; calibrate only {indicators}.</source>
        <translation>{where}: '{indicator}' staat niet in de catalogus; kalibreer alleen {indicators}.</translation>
    </message>
    <message>
        <location filename="../../scoring/calibration.py" line="262"/>
        <source>{where}: good = {good:g} and bad = {bad:g} do not point the way of the catalogue&apos;s references for {indicator} (good {known_good:g}, bad {known_bad:g}); calibrate again with scripts/calibrate.py.</source>
        <translation>{where}: good = {good:g} en bad = {bad:g} wijzen niet dezelfde kant op als de referenties in de catalogus voor {indicator} (good {known_good:g}, bad {known_bad:g}); kalibreer opnieuw met scripts/calibrate.py.</translation>
    </message>
    <message>
        <location filename="../../scoring/calibration.py" line="283"/>
        <source>{where}.quantiles must be a list of {count} numbers, P0 to P100; it holds {found}. Calibrate again with scripts/calibrate.py.</source>
        <translation>{where}.quantiles moet een lijst van {count} getallen zijn, P0 tot en met P100; er staan er {found} in. Kalibreer opnieuw met scripts/calibrate.py.</translation>
    </message>
    <message>
        <location filename="../../scoring/calibration.py" line="295"/>
        <source>{where}.quantiles: P{k} = {value:g} is below P{previous} = {before:g}; quantiles rise from P0 to P100. Calibrate again with scripts/calibrate.py.</source>
        <translation>{where}.quantiles: P{k} = {value:g} ligt onder P{previous} = {before:g}; kwantielen stijgen van P0 tot P100. Kalibreer opnieuw met scripts/calibrate.py.</translation>
    </message>
    <message>
        <location filename="../../scoring/calibration.py" line="331"/>
        <source>profile.calibration = {asked!r}: {count} calibrations of kwb {year} ({files}); give the path of the one to use.</source>
        <translation>profile.calibration = {asked!r}: {count} kalibraties van kwb {year} ({files}); geef het pad van de kalibratie die gebruikt moet worden.</translation>
    </message>
    <message>
        <location filename="../../scoring/calibration.py" line="371"/>
        <source>profile.calibration = {value!r}: no calibration of kwb {value} in &apos;{folder}&apos; (years there: {years}); give &apos;newest&apos;, &apos;none&apos;, one of those years or the path of a calibration file.</source>
        <translation>profile.calibration = {value!r}: geen kalibratie van kwb {value} in '{folder}' (jaren daar: {years}); geef 'newest', 'none', een van die jaren of het pad van een kalibratiebestand.</translation>
    </message>
    <message>
        <location filename="../../scoring/calibration.py" line="384"/>
        <source>profile.calibration = {value!r}: give &apos;newest&apos;, &apos;none&apos;, a kwb year such as 2024 or the path of a calibration file (.toml).</source>
        <translation>profile.calibration = {value!r}: geef 'newest', 'none', een kwb-jaar zoals 2024 of het pad van een kalibratiebestand (.toml).</translation>
    </message>
    <message>
        <location filename="../../scoring/profile.py" line="244"/>
        <source>status.{provisional} = {low:g} is above status.{firm} = {high:g}: a voorlopig koploper cannot need more than a vastgesteld one.</source>
        <translation>status.{provisional} = {low:g} is hoger dan status.{firm} = {high:g}: een voorlopige koploper kan niet meer nodig hebben dan een vastgestelde.</translation>
    </message>
    <message>
        <location filename="../../scoring/national/tiles.py" line="48"/>
        <source>tile size {size!r}: give a size in metres above 0</source>
        <translation>tegelgrootte {size!r}: geef een grootte in meters boven 0</translation>
    </message>
    <message>
        <location filename="../../scoring/national/tiles.py" line="50"/>
        <source>extent {extent}: give xmin, ymin, xmax, ymax in RD New (EPSG:28992)</source>
        <translation>extent {extent}: geef xmin, ymin, xmax, ymax in RD New (EPSG:28992)</translation>
    </message>
    <message>
        <location filename="../../scoring/national/tiles.py" line="59"/>
        <source>the extent needs {count} tiles of {size:g} m, more than {limit}; check that the extent is in RD New metres (EPSG:28992), or choose larger tiles</source>
        <translation>de extent vraagt {count} tegels van {size:g} m, meer dan {limit}; controleer dat de extent in meters RD New (EPSG:28992) is, of kies grotere tegels</translation>
    </message>
    <message>
        <location filename="../../scoring/explain.py" line="175"/>
        <source>{transition}: wijk/systeem — its claims exceed the capacity of the {layer}; only another system choice helps</source>
        <translation>{transition}: wijk/systeem — de ruimteclaims gaan boven de capaciteit van de {layer}; alleen een andere systeemkeuze helpt</translation>
    </message>
    <message>
        <location filename="../../scoring/explain.py" line="184"/>
        <source>{transition}: wijk/systeem — {percent} % of its claim is for system solutions ({block})</source>
        <translation>{transition}: wijk/systeem — {percent} % van de ruimteclaim is voor systeemoplossingen ({block})</translation>
    </message>
    <message>
        <location filename="../../scoring/explain.py" line="194"/>
        <source>{transition}: gebouw/blok — solutions per building or block ({percent} % for system solutions)</source>
        <translation>{transition}: gebouw/blok — oplossingen per gebouw of blok ({percent} % voor systeemoplossingen)</translation>
    </message>
    <message>
        <location filename="../../scoring/explain.py" line="203"/>
        <source>{transition}: schaalniveau unknown (the profile gives its blocks no scale)</source>
        <translation>{transition}: schaalniveau onbekend (het profiel geeft de bouwstenen geen schaal)</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/where.py" line="56"/>
        <source>unknown layer &apos;{layer}&apos;; use one of {layers}</source>
        <translation>onbekende laag '{layer}'; gebruik een van {layers}</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/where.py" line="59"/>
        <source>the units have no &apos;{column}&apos; column</source>
        <translation>de eenheden hebben geen kolom '{column}'</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/where.py" line="67"/>
        <source>the {layer} units have no &apos;{column}&apos;: the claims driven by it stay unplaced</source>
        <translation>de eenheden van de {layer} hebben geen '{column}': de claims die daarvan afhangen blijven ongeplaatst</translation>
    </message>
    <message>
        <location filename="../../scoring/national/ahn_height.py" line="36"/>
        <source>AHN resolution {resolution!r}: give a cell size in metres above 0, e.g. 1.0</source>
        <translation>AHN-resolutie {resolution!r}: geef een celgrootte in meters boven 0, bijvoorbeeld 1.0</translation>
    </message>
    <message>
        <location filename="../../scoring/national/ahn_height.py" line="43"/>
        <source>AHN resolution {resolution:g} m does not divide the tile size {size:g} m into whole cells; choose a resolution such as 0.5, 1, 2 or 5 m</source>
        <translation>AHN-resolutie {resolution:g} m deelt de tegelgrootte {size:g} m niet in hele cellen; kies een resolutie zoals 0,5, 1, 2 of 5 m</translation>
    </message>
    <message>
        <location filename="../../scoring/national/ahn_height.py" line="52"/>
        <source>tiles of {size:g} m at {resolution:g} m are {side} cells a side, more than the {limit} one AHN request may ask; choose smaller tiles or a coarser resolution</source>
        <translation>tegels van {size:g} m bij {resolution:g} m zijn {side} cellen per zijde, meer dan de {limit} die één AHN-verzoek mag vragen; kies kleinere tegels of een grovere resolutie</translation>
    </message>
    <message>
        <location filename="../../scoring/national/ahn_height.py" line="121"/>
        <source>AHN grids of different sizes: DSM {dsm}, DTM {dtm}, land cover {cover}</source>
        <translation>AHN-rasters van verschillende grootte: DSM {dsm}, DTM {dtm}, bodembedekking {cover}</translation>
    </message>
    <message>
        <location filename="../../scoring/national/bgt_gml.py" line="102"/>
        <source>The BGT download of tile {tile} is not a whole zip ({reason}); it was not kept. Run the fetch again.</source>
        <translation>De BGT-download van tegel {tile} is geen volledige zip ({reason}); hij is niet bewaard. Haal de gegevens opnieuw op.</translation>
    </message>
    <message>
        <location filename="../../scoring/national/bgt_gml.py" line="145"/>
        <source>The BGT file {file} is not well-formed GML ({reason}). Run the fetch again.</source>
        <translation>Het BGT-bestand {file} is geen geldige GML ({reason}). Haal de gegevens opnieuw op.</translation>
    </message>
    <message>
        <location filename="../../scoring/national/bag.py" line="65"/>
        <source>BAG collection &apos;{collection}&apos; ({url}) has no property {property}; check that the address (BAG_URL or the QGIS setting wijkdiagnose/bag_url) is the BAG OGC API v2.</source>
        <translation>BAG-collectie '{collection}' ({url}) heeft geen eigenschap {property}; controleer of het adres (BAG_URL of de QGIS-instelling wijkdiagnose/bag_url) de BAG OGC API v2 is.</translation>
    </message>
    <message>
        <location filename="../../scoring/national/gtfs.py" line="105"/>
        <source>&apos;{name}&apos; is not a whole GTFS zip ({reason}); the download may have been cut off. Fetch it again, or check the GTFS address.</source>
        <translation>'{name}' is geen volledige GTFS-zip ({reason}); de download is misschien afgebroken. Haal hem opnieuw op, of controleer het GTFS-adres.</translation>
    </message>
    <message>
        <location filename="../../scoring/national/gtfs.py" line="119"/>
        <source>&apos;{name}&apos; has no {file}; it is no GTFS zip. Check the GTFS address.</source>
        <translation>'{name}' bevat geen {file}; het is geen GTFS-zip. Controleer het GTFS-adres.</translation>
    </message>
    <message>
        <location filename="../../scoring/national/gtfs.py" line="188"/>
        <source>&apos;{name}&apos; {file}: stop &apos;{stop}&apos; has no valid position (stop_lat &apos;{lat}&apos;, stop_lon &apos;{lon}&apos;).</source>
        <translation>'{name}' {file}: halte '{stop}' heeft geen geldige positie (stop_lat '{lat}', stop_lon '{lon}').</translation>
    </message>
    <message>
        <location filename="../../scoring/national/gtfs.py" line="207"/>
        <source>&apos;{name}&apos; {file}: route &apos;{route}&apos; has route_type &apos;{value}&apos;, no number.</source>
        <translation>'{name}' {file}: lijn '{route}' heeft route_type '{value}', geen getal.</translation>
    </message>
    <message>
        <location filename="../../scoring/national/gtfs.py" line="234"/>
        <source>&apos;{name}&apos; {file} has no column {column}, which GTFS requires. Check the GTFS address.</source>
        <translation>'{name}' {file} heeft geen kolom {column}, die GTFS vereist. Controleer het GTFS-adres.</translation>
    </message>
    <message>
        <location filename="../../scoring/national/heat_join.py" line="50"/>
        <source>the PET class table gives the shares above {low:g} and {high:g} °C only, not above {strong:g} and {extreme:g} °C; use {low:g} and {high:g}, or a PET raster with Heat stress</source>
        <translation>de tabel met PET-klassen geeft alleen de aandelen boven {low:g} en {high:g} °C, niet boven {strong:g} en {extreme:g} °C; gebruik {low:g} en {high:g}, of een PET-raster met Hittestress</translation>
    </message>
    <message>
        <location filename="../../scoring/national/heat_join.py" line="116"/>
        <source>table &apos;{table}&apos; has no field(s) {fields}; give the HEAT table of &apos;Fetch national spatial data&apos;</source>
        <translation>tabel '{table}' heeft geen veld(en) {fields}; geef de tabel HEAT van 'Ruimtelijke basisgegevens ophalen'</translation>
    </message>
    <message>
        <location filename="../../scoring/national/heat_join.py" line="201"/>
        <source>{count} unit(s) ({codes}) have ind_pet_gt35/ind_pet_gt41 from elsewhere (a PET raster) already; they are left as they are</source>
        <translation>{count} eenhe(i)d(en) ({codes}) hebben ind_pet_gt35/ind_pet_gt41 al uit een andere bron (een PET-raster); die blijven zoals ze zijn</translation>
    </message>
    <message>
        <location filename="../../scoring/national/heat_join.py" line="212"/>
        <source>table &apos;{table}&apos;: the buurten of {count} wijk(en) are weighed equally, not by area, and dek_hitte counts buurten; give the buurten layer to weigh them by area</source>
        <translation>tabel '{table}': de buurten van {count} wijk(en) wegen even zwaar, niet naar oppervlak, en dek_hitte telt buurten; geef de buurtenlaag op om naar oppervlak te wegen</translation>
    </message>
    <message>
        <location filename="../../scoring/national/heat_join.py" line="224"/>
        <source>table &apos;{table}&apos; has no PET shares for {count} unit(s) ({codes}); their heat fields stay empty</source>
        <translation>tabel '{table}' heeft geen PET-aandelen voor {count} eenhe(i)d(en) ({codes}); hun hittevelden blijven leeg</translation>
    </message>
    <message>
        <location filename="../../scoring/national/heat_table.py" line="192"/>
        <source>the heat table {source} has no column of CBS buurt codes (BU and 8 digits) in its first rows; its columns are: {columns}. Check the address: it must point at the buurtdashboard CSV.</source>
        <translation>de hittetabel {source} heeft in de eerste rijen geen kolom met CBS-buurtcodes (BU en 8 cijfers); de kolommen zijn: {columns}. Controleer het adres: het moet naar de CSV van het buurtdashboard wijzen.</translation>
    </message>
    <message>
        <location filename="../../scoring/national/heat_table.py" line="208"/>
        <source>the heat table {source} has no PET class columns (names like PET29tm34p, PETgt41 or pet_35_41, see docs/sources/heat.md); its columns are: {columns}</source>
        <translation>de hittetabel {source} heeft geen kolommen met PET-klassen (namen als PET29tm34p, PETgt41 of pet_35_41, zie docs/sources/heat.md); de kolommen zijn: {columns}</translation>
    </message>
    <message>
        <location filename="../../scoring/national/heat_table.py" line="219"/>
        <source>the heat table {source} has no PET variant &apos;{variant}&apos;; it has: {variants}</source>
        <translation>de hittetabel {source} heeft geen PET-variant '{variant}'; wel: {variants}</translation>
    </message>
    <message>
        <location filename="../../scoring/national/heat_table.py" line="229"/>
        <source>the heat table {source} has PET classes in several variants ({variants}) and none is the newest; name the one to use (the variant option)</source>
        <translation>de hittetabel {source} heeft PET-klassen in meerdere varianten ({variants}) en geen daarvan is de nieuwste; geef op welke te gebruiken (de optie variant)</translation>
    </message>
    <message>
        <location filename="../../scoring/national/heat_table.py" line="255"/>
        <source>the heat table {source}: the PET classes of columns &apos;{first}&apos; and &apos;{second}&apos; overlap; give a table with one column per class</source>
        <translation>de hittetabel {source}: de PET-klassen van de kolommen '{first}' en '{second}' overlappen; geef een tabel met één kolom per klasse</translation>
    </message>
    <message>
        <location filename="../../scoring/national/heat_table.py" line="267"/>
        <source>the heat table {source}: the PET class of column '{column}' spans {bound:g} °C, a bound of the PET classes 23/29/35/41 °C, so its share cannot be split; use a table with classes on these bounds, or a PET raster (Heat stress)</source>
        <translation>de hittetabel {source}: de PET-klasse van kolom '{column}' loopt over {bound:g} °C heen, een grens van de PET-klassen 23/29/35/41 °C, dus het aandeel is niet te splitsen; gebruik een tabel met klassen op deze grenzen, of een PET-raster (Hittestress)</translation>
    </message>
    <message>
        <location filename="../../scoring/national/heat_table.py" line="313"/>
        <source>the heat table {source}: the PET shares of {count} buurt(en) add up to more than 100 % ({codes}); they are left out</source>
        <translation>de hittetabel {source}: de PET-aandelen van {count} buurt(en) tellen op tot meer dan 100 % ({codes}); die zijn weggelaten</translation>
    </message>
    <message>
        <location filename="../../scoring/national/heat_table.py" line="313"/>
        <source>the heat table {source} has no PET shares for {count} buurt(en) ({codes})</source>
        <translation>de hittetabel {source} heeft geen PET-aandelen voor {count} buurt(en) ({codes})</translation>
    </message>
    <message>
        <location filename="../../scoring/national/heat_table.py" line="326"/>
        <source>the heat table {source}: {count} row(s) without a buurt code were skipped</source>
        <translation>de hittetabel {source}: {count} rij(en) zonder buurtcode overgeslagen</translation>
    </message>
    <message>
        <location filename="../../scoring/national/heat_table.py" line="337"/>
        <source>the heat table {source} is not a whole gzip/CSV file ({reason}); it was not used. Fetch it again (the damaged copy is dropped from the cache).</source>
        <translation>de hittetabel {source} is geen heel gzip-/CSV-bestand ({reason}); die is niet gebruikt. Haal hem opnieuw op (de beschadigde kopie is uit de cache verwijderd).</translation>
    </message>
    <message>
        <location filename="../../scoring/national/leefbaarometer.py" line="67"/>
        <source>the answer of {url} holds no GeoJSON features; check that the address is the Leefbaarometer WFS and the year is offered</source>
        <translation>het antwoord van {url} bevat geen GeoJSON-features; controleer dat het adres de WFS van de Leefbaarometer is en dat het jaar wordt aangeboden</translation>
    </message>
    <message>
        <location filename="../../scoring/national/leefbaarometer.py" line="86"/>
        <source>the Leefbaarometer features of {url} have no property of CBS codes (BU… or WK…); their properties are: {names}</source>
        <translation>de Leefbaarometer-features van {url} hebben geen eigenschap met CBS-codes (BU… of WK…); hun eigenschappen zijn: {names}</translation>
    </message>
    <message>
        <location filename="../../scoring/national/leefbaarometer.py" line="110"/>
        <source>the features of {url} have no &apos;{field}&apos;; their properties are: {names}</source>
        <translation>de features van {url} hebben geen '{field}'; hun eigenschappen zijn: {names}</translation>
    </message>
    <message>
        <location filename="../../scoring/national/leefbaarometer.py" line="137"/>
        <source>table &apos;{table}&apos; has no field(s) {fields}; give the LEEFBAAROMETER layer of &apos;Fetch national spatial data&apos;</source>
        <translation>tabel '{table}' heeft geen veld(en) {fields}; geef de laag LEEFBAAROMETER van 'Ruimtelijke basisgegevens ophalen'</translation>
    </message>
    <message>
        <location filename="../../scoring/national/leefbaarometer.py" line="153"/>
        <source>table &apos;{table}&apos; has no Leefbaarometer score for {count} unit(s) ({codes}); fetch the scores at the level of the layer (wijken or buurten)</source>
        <translation>tabel '{table}' heeft geen Leefbaarometer-score voor {count} eenhe(i)d(en) ({codes}); haal de scores op het niveau van de laag op (wijken of buurten)</translation>
    </message>
    <message>
        <location filename="../../scoring/national/sources.py" line="75"/>
        <source>unknown national source &apos;{source}&apos;; use one of {sources}</source>
        <translation>onbekende landelijke bron '{source}'; gebruik een van {sources}</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/segments.py" line="340"/>
        <source>layer &apos;{layer}&apos;: {count} road polygon(s) lie in a wijk without road lines and belong to no segment</source>
        <translation>laag '{layer}': {count} wegvlak(ken) liggen in een wijk zonder weglijnen en horen bij geen segment</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/city_blocks.py" line="92"/>
        <source>give a roads layer (street centre lines) or block polygons</source>
        <translation>geef een wegenlaag (hartlijnen van straten) of bouwblokpolygonen</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/city_blocks.py" line="109"/>
        <source>layer &apos;{layer}&apos; has polygons; blocks are cut by street centre lines: give a line layer (OSM highway, NWB) or the block polygons</source>
        <translation>laag '{layer}' heeft polygonen; bouwblokken worden door de hartlijnen van straten gesneden: geef een lijnenlaag (OSM highway, NWB) of de bouwblokpolygonen</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/city_blocks.py" line="120"/>
        <source>layer &apos;{layer}&apos; has no street (e.g. highway = residential); check the road-class field</source>
        <translation>laag '{layer}' heeft geen straat (bijv. highway = residential); controleer het wegklasseveld</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/city_blocks.py" line="203"/>
        <source>no addresses: the dwellings of each wijk are shared over its blocks by building footprint (buildings of &apos;{layer}&apos;)</source>
        <translation>geen adressen: de woningen van elke wijk zijn naar bebouwd oppervlak over de bouwblokken verdeeld (gebouwen van '{layer}')</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/diagnosed.py" line="30"/>
        <source>layer &apos;{layer}&apos; has no field {fields}: the {space} claims are not there; run Space claims first and use its output</source>
        <translation>laag '{layer}' heeft geen veld {fields}: de ruimteclaims voor {space} ontbreken; voer eerst Ruimteclaims tegenover capaciteit uit en gebruik de uitvoer daarvan</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/diagnosed.py" line="49"/>
        <source>the {space} claims computed with this profile differ from field {field} of layer &apos;{layer}&apos;: give the profile Space claims ran with</source>
        <translation>de claims voor {space} die met dit profiel zijn berekend wijken af van veld {field} van laag '{layer}': geef het profiel waarmee Ruimteclaims tegenover capaciteit is uitgevoerd</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/panden.py" line="143"/>
        <source>pick the orientation field or leave it empty</source>
        <translation>kies het oriëntatieveld of laat het leeg</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/panden.py" line="151"/>
        <source>layer &apos;{layer}&apos;, field &apos;{field}&apos;: {count} value(s) are no orientation in degrees or compass points (e.g. &apos;{example}&apos;); their orientation is unknown</source>
        <translation>laag '{layer}', veld '{field}': {count} waarde(n) zijn geen oriëntatie in graden of windrichtingen (bijv. '{example}'); hun oriëntatie is onbekend</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/panden.py" line="169"/>
        <source>pick the field with the m² of roof already in use or leave it empty</source>
        <translation>kies het veld met de m² dak die al in gebruik zijn of laat het leeg</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/panden.py" line="180"/>
        <source>layer '{layer}', field '{field}' = '{value}': the roof area in use must be a number of m² from 0, or empty; pick another field or correct the value</source>
        <translation>laag '{layer}', veld '{field}' = '{value}': het dakoppervlak in gebruik moet een aantal m² vanaf 0 zijn, of leeg; kies een ander veld of verbeter de waarde</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/scenarios.py" line="68"/>
        <source>{where}: scenarios change the building blocks of the claims catalogue, but the profile has no [claims] table; add one or set base = &quot;default&quot; in [profile].</source>
        <translation>{where}: scenario's veranderen de bouwstenen van de claimcatalogus, maar het profiel heeft geen tabel [claims]; voeg die toe of zet base = &quot;default&quot; in [profile].</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/scenarios.py" line="88"/>
        <source>{where}: a scenario id is lower-case letters, digits and &apos;_&apos;, starting with a letter, at most {length} characters and not &apos;{basis}&apos; (it becomes part of field names such as druk_dak__&lt;id&gt;).</source>
        <translation>{where}: een scenario-id bestaat uit kleine letters, cijfers en '_', begint met een letter, is hoogstens {length} tekens lang en is niet '{basis}' (het wordt deel van veldnamen zoals druk_dak__&lt;id&gt;).</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/scenarios.py" line="108"/>
        <source>{where}: unknown building block; use one of {blocks}.</source>
        <translation>{where}: onbekende bouwsteen; gebruik een van {blocks}.</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/scenarios.py" line="120"/>
        <source>{where}: every building block is off; leave at least one deployed.</source>
        <translation>{where}: elke bouwsteen staat uit; laat er minstens één ingezet.</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/scenarios.py" line="136"/>
        <source>{where}.off = {value!r}: give true (not deployed) or false.</source>
        <translation>{where}.off = {value!r}: geef true (niet ingezet) of false.</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/scenarios.py" line="142"/>
        <source>{where}: off = true leaves the block out, so {keys} have no effect; give either off = true or the values to change.</source>
        <translation>{where}: off = true laat de bouwsteen weg, dus {keys} hebben geen effect; geef óf off = true óf de waarden die veranderen.</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/scenarios.py" line="174"/>
        <source>Scenario &apos;{scenario}&apos; is not in the profile; use one of {scenarios}.</source>
        <translation>Scenario '{scenario}' staat niet in het profiel; gebruik een van {scenarios}.</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/measurement.py" line="24"/>
        <source>layer &apos;{layer}&apos; covers none or less than {coverage:g} % of bouwblok {wijken}; what it measures is unknown there</source>
        <translation>laag '{layer}' dekt niets of minder dan {coverage:g} % van bouwblok {wijken}; wat zij meet is daar onbekend</translation>
    </message>
    <message>
        <location filename="../../scoring/claims/measurement.py" line="24"/>
        <source>layer &apos;{layer}&apos; covers only part of bouwblok {shares}; what it measures there is measured on that part only</source>
        <translation>laag '{layer}' dekt maar een deel van bouwblok {shares}; wat zij daar meet is alleen op dat deel gemeten</translation>
    </message>
</context>
<context>
    <name>CheckInputs</name>
    <message>
        <location filename="../../processing/algorithms/check_inputs.py" line="55"/>
        <source>Check the inputs of the whole chain</source>
        <translation>Invoer van de hele keten controleren</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/check_inputs.py" line="58"/>
        <source>Checks before any work is done what the steps of the chain will read: the profile, the land-cover class mapping and the aanleidingen catalogue parse; the wijken have features, a CBS wijk code field with one code per wijk and CBS fields that can be read as numbers; the maintenance table has the chosen fields, known types of work and readable years; the planning horizon runs forward. The destinations must lie in existing, writable folders and must not be one of the input files.

Writes nothing: it returns the checked destinations for the step that writes them (&apos;Save the diagnosis&apos;). The shipped model starts with this step.</source>
        <translation>Controleert voordat er iets wordt berekend wat de stappen van de keten zullen lezen: het profiel, de klassenindeling van de bodembedekking en de catalogus van aanleidingen zijn leesbaar; de wijken hebben objecten, een CBS-wijkcodeveld met één code per wijk en CBS-velden die als getal te lezen zijn; de onderhoudstabel heeft de gekozen velden, bekende soorten werk en leesbare jaren; de planhorizon loopt vooruit. De bestemmingen moeten in bestaande, schrijfbare mappen liggen en mogen geen van de invoerbestanden zijn.

Schrijft niets: geeft de gecontroleerde bestemmingen door aan de stap die ze schrijft ('Diagnose opslaan'). Het meegeleverde model begint met deze stap.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/check_inputs.py" line="78"/>
        <source>Other input layers (no output may replace them)</source>
        <translation>Overige invoerlagen (geen uitvoer mag ze vervangen)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/check_inputs.py" line="132"/>
        <source>Inputs checked: {} wijken, profile {}.</source>
        <translation>Invoer gecontroleerd: {} wijken, profiel {}.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/check_inputs.py" line="103"/>
        <source>Layer &apos;{}&apos; has no features; pick a layer with features.</source>
        <translation>Laag '{}' heeft geen objecten; kies een laag met objecten.</translation>
    </message>
</context>
<context>
    <name>ClaimsAlgorithm</name>
    <message>
        <location filename="../../processing/claims_inputs.py" line="45"/>
        <source>Roads (lines, e.g. OSM highway, or polygons, e.g. BGT wegdeel)</source>
        <translation>Wegen (lijnen, bijv. OSM highway, of polygonen, bijv. BGT wegdeel)</translation>
    </message>
    <message>
        <location filename="../../processing/claims_inputs.py" line="50"/>
        <source>Road class field (OSM highway)</source>
        <translation>Veld met de wegklasse (OSM highway)</translation>
    </message>
    <message>
        <location filename="../../processing/claims_inputs.py" line="59"/>
        <source>Road width field (m); empty: the width of the road class</source>
        <translation>Veld met de wegbreedte (m); leeg: de breedte van de wegklasse</translation>
    </message>
    <message>
        <location filename="../../processing/claims_inputs.py" line="69"/>
        <source>Street profile width for road polygons (m): length = area / width</source>
        <translation>Breedte van het straatprofiel voor wegpolygonen (m): lengte = oppervlak / breedte</translation>
    </message>
    <message>
        <location filename="../../processing/claims_inputs.py" line="81"/>
        <source>Existing cables and pipes (lines or polygons, e.g. KLIC)</source>
        <translation>Bestaande kabels en leidingen (lijnen of polygonen, bijv. KLIC)</translation>
    </message>
    <message>
        <location filename="../../processing/claims_inputs.py" line="89"/>
        <source>Cable/pipe type field (KLIC theme)</source>
        <translation>Veld met het soort kabel/leiding (KLIC-thema)</translation>
    </message>
    <message>
        <location filename="../../processing/claims_inputs.py" line="97"/>
        <source>Cable/pipe strip width field (m)</source>
        <translation>Veld met de breedte van de kabel-/leidingstrook (m)</translation>
    </message>
    <message>
        <location filename="../../processing/claims_inputs.py" line="113"/>
        <source>Profile &apos;{}&apos; has no [claims] table; the default claims catalogue is used.</source>
        <translation>Profiel '{}' heeft geen tabel [claims]; de standaardcatalogus van claims wordt gebruikt.</translation>
    </message>
    <message>
        <location filename="../../processing/claims_inputs.py" line="43"/>
        <source>Roads (lines, e.g. OSM highway)</source>
        <translation>Wegen (lijnen, bijv. OSM highway)</translation>
    </message>
</context>
<context>
    <name>ClaimsPanel</name>
    <message>
        <location filename="../../ui/panels/claims.py" line="31"/>
        <source>Layer</source>
        <translation>Laag</translation>
    </message>
    <message>
        <location filename="../../ui/panels/claims.py" line="31"/>
        <source>Claim (m²)</source>
        <translation>Claim (m²)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/claims.py" line="31"/>
        <source>Capacity (m²)</source>
        <translation>Capaciteit (m²)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/claims.py" line="31"/>
        <source>Pressure</source>
        <translation>Druk</translation>
    </message>
    <message>
        <location filename="../../ui/panels/claims.py" line="31"/>
        <source>Conflict</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <location filename="../../ui/panels/claims.py" line="31"/>
        <source>Left out</source>
        <translation>Weggelaten</translation>
    </message>
    <message>
        <location filename="../../ui/panels/claims.py" line="78"/>
        <source>This layer has no space claims yet (claim_ondergrond, claim_maaiveld, claim_dak): they come from the space-claims step of the diagnosis.</source>
        <translation>Deze laag heeft nog geen ruimteclaims (claim_ondergrond, claim_maaiveld, claim_dak): die komen uit de stap ruimteclaims van de diagnose.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/claims.py" line="87"/>
        <source>Claims of the transitions per layer, against the space there.</source>
        <translation>Claims van de transities per laag, tegenover de ruimte die daar is.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/claims.py" line="91"/>
        <source>unknown</source>
        <translation>onbekend</translation>
    </message>
    <message>
        <location filename="../../ui/panels/claims.py" line="93"/>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <location filename="../../ui/panels/claims.py" line="111"/>
        <source>Schaalniveau (a first estimate):</source>
        <translation>Schaalniveau (een eerste inschatting):</translation>
    </message>
    <message>
        <location filename="../../ui/panels/claims.py" line="18"/>
        <source>The claims of one systeemkeuze (scenario), as &apos;Compare systeemkeuzes&apos; wrote them into the layer; the layer&apos;s own claims first.</source>
        <translation>De claims van één systeemkeuze (scenario), zoals 'Systeemkeuzes vergelijken' ze in de laag schreef; eerst de eigen claims van de laag.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/claims.py" line="28"/>
        <source>Scenario:</source>
        <translation>Scenario:</translation>
    </message>
    <message>
        <location filename="../../ui/panels/claims.py" line="53"/>
        <source>Claims of the layer (Space claims)</source>
        <translation>Claims van de laag (Ruimteclaims)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/claims.py" line="68"/>
        <source>Claims per layer in scenario &apos;{}&apos;, against the space there; the schaalniveau below is that of the layer&apos;s own claims.</source>
        <translation>Claims per laag in scenario '{}', tegen de ruimte daar; het schaalniveau hieronder is dat van de eigen claims van de laag.</translation>
    </message>
</context>
<context>
    <name>ClaimsPerBlock</name>
    <message>
        <location filename="../../processing/algorithms/claims_per_block.py" line="39"/>
        <source>Maaiveld per bouwblok</source>
        <translation>Maaiveld per bouwblok</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/claims_per_block.py" line="42"/>
        <source>Lays each wijk's maaiveld claims (wadi, trees, charging points, mobility hubs, parking, play space …) on its blocks, so you see where the public space is short. Run 'Space claims against capacity' first: its output holds the claims this step recomputes (with the same profile) and lays on the blocks by their share of each claim's driver.

Blocks: the faces between the street centre lines (OSM highway lines of the street classes) and the wijk border, or block polygons you give (e.g. BGT openbare ruimte), cut to the wijken. Per block: the land area, the unbuilt public space (minus buildings, water and private yards of the land cover), the sealed area, the street length (a street between two blocks counts half in each), the dwellings (addresses with a dwellings field, else one per address, else the wijk's dwellings by building footprint), the claim per transition, the capacity, the pressure and the conflicting transitions. What no block holds is logged per wijk and block.</source>
        <translation>Legt de maaiveldclaims van elke wijk (wadi, bomen, laadpunten, mobiliteitshubs, parkeren, speelruimte …) op de bouwblokken, zodat zichtbaar wordt waar de openbare ruimte tekortschiet. Voer eerst 'Ruimteclaims tegenover capaciteit' uit: de uitvoer daarvan bevat de claims die deze stap opnieuw berekent (met hetzelfde profiel) en naar het aandeel van elk bouwblok in de drijver van elke claim verdeelt.

Bouwblokken: de vlakken tussen de hartlijnen van de straten (OSM highway-lijnen van de straatklassen) en de wijkgrens, of gegeven bouwblokpolygonen (bijv. BGT openbare ruimte), gesneden tot de wijken. Per bouwblok: het landoppervlak, de onbebouwde openbare ruimte (zonder gebouwen, water en particuliere erven van de bodembedekking), het verharde oppervlak, de straatlengte (een straat tussen twee bouwblokken telt in elk voor de helft), de woningen (adressen met een woningenveld, anders één per adres, anders de woningen van de wijk naar bebouwd oppervlak), de claim per transitie, de capaciteit, de druk en de conflicterende transities. Wat geen bouwblok bevat staat per wijk en bouwsteen in het log.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/claims_per_block.py" line="61"/>
        <source>Block polygons (e.g. BGT openbare ruimte); empty: cut by the roads</source>
        <translation>Bouwblokpolygonen (bijv. BGT openbare ruimte); leeg: gesneden door de wegen</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/claims_per_block.py" line="69"/>
        <source>Buildings (polygons)</source>
        <translation>Gebouwen (polygonen)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/claims_per_block.py" line="76"/>
        <source>Addresses (points, e.g. BAG verblijfsobjecten)</source>
        <translation>Adressen (punten, bijv. BAG-verblijfsobjecten)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/claims_per_block.py" line="82"/>
        <source>Dwellings field; empty: one per address</source>
        <translation>Veld met woningen; leeg: één per adres</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/claims_per_block.py" line="88"/>
        <source>Minimum coverage of a block by each layer (%); 0: every block the layer&apos;s extent reaches</source>
        <translation>Minimale dekking van een bouwblok door elke laag (%); 0: elk bouwblok dat binnen het bereik van de laag valt</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/claims_per_block.py" line="99"/>
        <source>Maaiveld claims per block</source>
        <translation>Maaiveldclaims per bouwblok</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/claims_per_block.py" line="109"/>
        <source>Give a roads layer (street centre lines) or block polygons.</source>
        <translation>Geef een wegenlaag (hartlijnen van straten) of bouwblokpolygonen.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/claims_per_block.py" line="149"/>
        <source>bouwblokken</source>
        <translation>bouwblokken</translation>
    </message>
</context>
<context>
    <name>ClaimsPerPand</name>
    <message>
        <location filename="../../processing/algorithms/claims_per_pand.py" line="39"/>
        <source>Daken per pand</source>
        <translation>Daken per pand</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/claims_per_pand.py" line="42"/>
        <source>Lays each wijk's roof claims (PV, green roofs, water roofs, extra storeys) on its panden, so you see where on the roofs they compete. Run 'Space claims against capacity' first: its output holds the claims this step recomputes (with the same profile) and lays on the panden by their share of the wijk's usable roof.

Per pand (cut at the wijk borders): the footprint, the roof type (plat, schuin, onbekend from the roof-shape field: OSM roof:shape, 3D BAG b3_dak_type), the usable roof (flat fully, sloped and unknown by their factor, as in 'Roof areas'; give the same field and factors), the orientation where a field gives it (OSM roof:direction, degrees or compass points; shown, not counted), the roof already in use (m²) where a field gives it, the claim per transition, the capacity, the pressure and, where the claims exceed the roof, the competing transitions. What no pand holds is logged per wijk and block.</source>
        <translation>Legt de dakclaims van elke wijk (pv, groene daken, waterdaken, optoppen) op de panden, zodat zichtbaar wordt waar ze op de daken concurreren. Voer eerst 'Ruimteclaims tegenover capaciteit' uit: de uitvoer daarvan bevat de claims die deze stap opnieuw berekent (met hetzelfde profiel) en naar het aandeel van elk pand in het bruikbare dak van de wijk verdeelt.

Per pand (gesneden op de wijkgrenzen): het grondvlak, het daktype (plat, schuin, onbekend uit het dakvormveld: OSM roof:shape, 3D BAG b3_dak_type), het bruikbare dak (plat volledig, schuin en onbekend naar hun factor, zoals in 'Dakoppervlakken'; geef hetzelfde veld en dezelfde factoren), de oriëntatie waar een veld die geeft (OSM roof:direction, graden of windrichtingen; getoond, niet meegeteld), het dak dat al in gebruik is (m²) waar een veld dat geeft, de claim per transitie, de capaciteit, de druk en, waar de claims het dak overschrijden, de concurrerende transities. Wat geen pand bevat staat per wijk en bouwsteen in het log.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/claims_per_pand.py" line="59"/>
        <source>Buildings (polygons: BAG panden, 3D BAG, OSM)</source>
        <translation>Gebouwen (polygonen: BAG-panden, 3D BAG, OSM)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/claims_per_pand.py" line="65"/>
        <source>Roof shape field</source>
        <translation>Veld met de dakvorm</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/claims_per_pand.py" line="65"/>
        <source>Roof orientation field (degrees or N, NO, O …)</source>
        <translation>Veld met dakoriëntatie (graden of N, NO, O …)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/claims_per_pand.py" line="65"/>
        <source>Roof area already in use field (m²)</source>
        <translation>Veld met dakoppervlak al in gebruik (m²)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/claims_per_pand.py" line="78"/>
        <source>Roof claims per pand</source>
        <translation>Dakclaims per pand</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/claims_per_pand.py" line="108"/>
        <source>panden</source>
        <translation>panden</translation>
    </message>
</context>
<context>
    <name>ClaimsPerSegment</name>
    <message>
        <location filename="../../processing/algorithms/claims_per_segment.py" line="52"/>
        <source>Ondergrond per street segment</source>
        <translation>Ondergrond per straatsegment</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/claims_per_segment.py" line="55"/>
        <source>Lays each wijk&apos;s ondergrond claims (heat network, cable reinforcement, separate sewer, tree roots, infiltration crates) on its street segments, so that the map shows where the ondergrond is full. Run &apos;Space claims against capacity&apos; first: the wijk claims are recomputed from the fields it wrote, with the same profile.

The roads are split into segments between junctions and cut at the wijk borders. Per segment: the profile width (road class or width field; with road polygons such as BGT wegdeel the area of the polygons nearest to it / its length), the width usable for cables, pipes and roots (profile x usable_share of the ondergrond, the NEN 7171-1 zoning), the width taken by existing cables and pipes, and the free width. Each segment gets its share of the wijk&apos;s claims by its street length (infiltration crates by the sealed area in its street space, with land cover), and its own capacity, pressure and conflict. What no segment holds stays unplaced per wijk and block: segments plus unplaced are the wijk&apos;s claim_ondergrond. docs/claims_segments.md explains the method.</source>
        <translation>Legt de ondergrondclaims van elke wijk (warmtenet, netverzwaring, gescheiden riool, boomwortelruimte, infiltratiekratten) op haar straatsegmenten, zodat de kaart laat zien waar de ondergrond vol is. Voer eerst 'Ruimteclaims tegen capaciteit' uit: de wijkclaims worden opnieuw berekend uit de velden die die stap schreef, met hetzelfde profiel.

De wegen worden gesplitst in segmenten tussen kruisingen en afgesneden op de wijkgrenzen. Per segment: de profielbreedte (wegklasse of breedteveld; met wegvlakken zoals BGT wegdeel de oppervlakte van de wegvlakken die het dichtst bij het segment liggen / zijn lengte), de breedte die bruikbaar is voor kabels, leidingen en wortels (profiel x usable_share van de ondergrond, de zonering van NEN 7171-1), de breedte die bestaande kabels en leidingen innemen, en de vrije breedte. Elk segment krijgt zijn deel van de wijkclaims naar zijn straatlengte (infiltratiekratten naar het verharde oppervlak in zijn straatruimte, met bodemgebruik), en een eigen capaciteit, druk en conflict. Wat geen segment draagt blijft per wijk en bouwsteen ongeplaatst: segmenten plus ongeplaatst zijn de claim_ondergrond van de wijk. docs/claims_segments.md legt de methode uit.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/claims_per_segment.py" line="73"/>
        <source>Wijken after Space claims against capacity</source>
        <translation>Wijken na Ruimteclaims tegen capaciteit</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/claims_per_segment.py" line="81"/>
        <source>Road polygons for the street space of road lines (e.g. BGT wegdeel)</source>
        <translation>Wegvlakken voor de straatruimte van weglijnen (bijv. BGT wegdeel)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/claims_per_segment.py" line="93"/>
        <source>Street segments (pressure in the ondergrond)</source>
        <translation>Straatsegmenten (druk in de ondergrond)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/claims_per_segment.py" line="98"/>
        <source>Claims no segment holds (table)</source>
        <translation>Claims die geen segment draagt (tabel)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/claims_per_segment.py" line="116"/>
        <source>Layer &apos;{}&apos; has no field {}; run Space claims first (with a roads layer) and use its output.</source>
        <translation>Laag '{}' heeft geen veld {}; voer eerst Ruimteclaims uit (met een wegenlaag) en gebruik de uitvoer daarvan.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/claims_per_segment.py" line="179"/>
        <source>Segments in conflict: {} of {}</source>
        <translation>Segmenten in conflict: {} van {}</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/claims_per_segment.py" line="191"/>
        <source>The ondergrond claim recomputed for wijk {} ({:.1f} m²) differs from its field {} ({:.1f} m²); run with the profile Space claims was run with.</source>
        <translation>De opnieuw berekende ondergrondclaim van wijk {} ({:.1f} m²) wijkt af van het veld {} ({:.1f} m²); gebruik het profiel waarmee Ruimteclaims is uitgevoerd.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/claims_per_segment.py" line="200"/>
        <source>Wijk {}: {:.1f} m² of {} lies on no segment (unplaced)</source>
        <translation>Wijk {}: {:.1f} m² van {} ligt op geen segment (ongeplaatst)</translation>
    </message>
</context>
<context>
    <name>ClaimsScenarios</name>
    <message>
        <location filename="../../processing/algorithms/claims_scenarios.py" line="30"/>
        <source>Compare systeemkeuzes (claims per scenario)</source>
        <translation>Systeemkeuzes vergelijken (claims per scenario)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/claims_scenarios.py" line="33"/>
        <source>Runs the space claims of several systeemkeuzes side by side: warmtenet or all-electric, parking on the street or in a mobility hub, rainwater in the street or on the roofs. A scenario is the profile&apos;s claims catalogue with some building blocks changed or left out (the [scenarios] table of the profile); &apos;basis&apos; is the catalogue itself.

Input: the wijken after &apos;Space claims against capacity&apos; (its drivers and capacity fields are reused, nothing is measured again). Scenarios: ids separated by commas; empty for basis and every scenario of the profile.

Outputs: the wijken with the five layer fields of &apos;Space claims&apos; (claim_, cap_, druk_, conflict_ and onbekend_&lt;layer&gt;) once per scenario, with the suffix __&lt;scenario&gt; (e.g. druk_maaiveld__parkeren_hub; field names this long need a GeoPackage), and the field &apos;scenarios&apos; with the scenario names (the dock&apos;s Ruimteclaims tab and the wijkbladen read them); and a table with one row per scenario, wijk and layer: claim, capacity, pressure, conflict and the claim per transition. docs/claims_scenarios.md explains the scenarios.</source>
        <translation>Zet de ruimteclaims van meerdere systeemkeuzes naast elkaar: warmtenet of all-electric, parkeren op straat of in een mobiliteitshub, hemelwater in de straat of op de daken. Een scenario is de claimcatalogus van het profiel met enkele bouwstenen veranderd of weggelaten (de tabel [scenarios] van het profiel); 'basis' is de catalogus zelf.

Invoer: de wijken na 'Ruimteclaims tegen capaciteit' (de drivers en capaciteitsvelden daarvan worden hergebruikt, er wordt niets opnieuw gemeten). Scenario's: id's gescheiden door komma's; leeg voor basis en elk scenario van het profiel.

Uitvoer: de wijken met de vijf laagvelden van 'Ruimteclaims' (claim_, cap_, druk_, conflict_ en onbekend_&lt;layer&gt;) eenmaal per scenario, met het achtervoegsel __&lt;scenario&gt; (bijv. druk_maaiveld__parkeren_hub; zulke lange veldnamen vragen een GeoPackage), en het veld 'scenarios' met de namen van de scenario's (het tabblad Ruimteclaims van het dock en de wijkbladen lezen ze); en een tabel met één rij per scenario, wijk en laag: claim, capaciteit, druk, conflict en de claim per transitie. docs/claims_scenarios.md legt de scenario's uit.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/claims_scenarios.py" line="53"/>
        <source>Scenarios (ids, comma separated); empty: basis and all of the profile</source>
        <translation>Scenario's (id's, gescheiden door komma's); leeg: basis en alle van het profiel</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/claims_scenarios.py" line="60"/>
        <source>Wijken with claims per scenario</source>
        <translation>Wijken met claims per scenario</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/claims_scenarios.py" line="65"/>
        <source>Claims per scenario, wijk and layer (table)</source>
        <translation>Claims per scenario, wijk en laag (tabel)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/claims_scenarios.py" line="75"/>
        <source>Profile &apos;{}&apos; has no [claims] table; the default claims catalogue and its scenarios are used.</source>
        <translation>Profiel '{}' heeft geen tabel [claims]; de standaard claimcatalogus en zijn scenario's worden gebruikt.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/claims_scenarios.py" line="96"/>
        <source>Layer &apos;{}&apos; has no space claims (fields {}): run &apos;Space claims against capacity&apos; on it first; its drivers and capacity fields are what the scenarios recompute the claims from.</source>
        <translation>Laag '{}' heeft geen ruimteclaims (velden {}): voer eerst 'Ruimteclaims tegen capaciteit' erop uit; uit de drivers en capaciteitsvelden daarvan berekenen de scenario's de claims opnieuw.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/claims_scenarios.py" line="103"/>
        <source>Scenarios: {}</source>
        <translation>Scenario's: {}</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/claims_scenarios.py" line="122"/>
        <source>{}: layers in conflict {} of {} (wijk x layer)</source>
        <translation>{}: lagen in conflict {} van {} (wijk x laag)</translation>
    </message>
</context>
<context>
    <name>CompareStakeholders</name>
    <message>
        <location filename="../../processing/algorithms/compare_stakeholders.py" line="39"/>
        <source>Compare stakeholder scores with the data</source>
        <translation>Stakeholderscores vergelijken met de data</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/compare_stakeholders.py" line="42"/>
        <source>Sets the urgency scores that stakeholders (gemeente, corporaties, netbeheerder, bewoners ...) give per transition and wijk next to the data scores of &apos;Score transitions&apos;, and flags where they diverge.

The stakeholder table (e.g. a CSV loaded as a layer) is long (wijk code, stakeholder, transition, score 0-100: choose the transition and score fields) or wide (wijk code, stakeholder and one field score_&lt;transition&gt; per transition: leave those two fields empty). Transitions may be written as ids or Dutch labels; an empty score means &apos;not scored&apos;.

Adds sh_&lt;transition&gt; (mean stakeholder score), verschil_&lt;transition&gt; (stakeholders minus data), afwijking (transitions whose difference reaches the threshold, largest first), n_stakeholders, stakeholders, gecombineerd_&lt;transition&gt; = (1 - weight) x data + weight x stakeholders and koploper_gecombineerd (same tie rule as the koploper). A combined score needs both parts unless the weight is 0 or 1.</source>
        <translation>Zet de urgentiescores die stakeholders (gemeente, corporaties, netbeheerder, bewoners ...) per transitie en wijk geven naast de datascores van 'Transities scoren', en markeert waar ze uiteenlopen.

De stakeholdertabel (bijv. een CSV-bestand dat als laag is geladen) is lang (wijkcode, stakeholder, transitie, score 0-100: kies de velden voor transitie en score) of breed (wijkcode, stakeholder en per transitie één veld score_&lt;transition&gt;: laat die twee velden dan leeg). Transities mogen als id of met hun Nederlandse naam geschreven zijn; een lege score betekent 'niet gescoord'.

Voegt toe: sh_&lt;transition&gt; (gemiddelde score van de stakeholders), verschil_&lt;transition&gt; (stakeholders min data), afwijking (transities waarvan het verschil de drempel bereikt, grootste eerst), n_stakeholders, stakeholders, gecombineerd_&lt;transition&gt; = (1 - gewicht) x data + gewicht x stakeholders en koploper_gecombineerd (dezelfde beslisregel bij gelijke stand als voor de koploper). Een gecombineerde score heeft beide delen nodig, tenzij het gewicht 0 of 1 is.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/compare_stakeholders.py" line="61"/>
        <source>Stakeholder scores (a table)</source>
        <translation>Stakeholderscores (een tabel)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/compare_stakeholders.py" line="66"/>
        <source>Wijk code field of the stakeholder table</source>
        <translation>Veld met de wijkcode in de stakeholdertabel</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/compare_stakeholders.py" line="66"/>
        <source>Stakeholder field</source>
        <translation>Veld met de stakeholder</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/compare_stakeholders.py" line="66"/>
        <source>Transition field (long table)</source>
        <translation>Veld met de transitie (lange tabel)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/compare_stakeholders.py" line="66"/>
        <source>Score field (long table)</source>
        <translation>Veld met de score (lange tabel)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/compare_stakeholders.py" line="80"/>
        <source>Divergence threshold (points)</source>
        <translation>Drempel voor een afwijking (punten)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/compare_stakeholders.py" line="90"/>
        <source>Stakeholder weight in the combined score (0 = data only, 1 = people only)</source>
        <translation>Gewicht van de stakeholders in de gecombineerde score (0 = alleen data, 1 = alleen mensen)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/compare_stakeholders.py" line="102"/>
        <source>Wijken with stakeholder scores</source>
        <translation>Wijken met stakeholderscores</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/compare_stakeholders.py" line="141"/>
        <source>{} score(s) of layer &apos;{}&apos; are for wijk codes that are not in layer &apos;{}&apos; and were left out: {}. Check the wijk code fields.</source>
        <translation>{} score(s) uit laag '{}' horen bij wijkcodes die niet in laag '{}' voorkomen en zijn weggelaten: {}. Controleer de velden met de wijkcode.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/compare_stakeholders.py" line="154"/>
        <source>{} stakeholder score(s); {} wijk(en) where people and data diverge.</source>
        <translation>{} stakeholderscore(s); {} wijk(en) waar mensen en data uiteenlopen.</translation>
    </message>
</context>
<context>
    <name>DestinationChecks</name>
    <message>
        <location filename="../../processing/destinations.py" line="199"/>
        <source>Wijkdiagnose (GeoPackage)</source>
        <translation>Wijkdiagnose (GeoPackage)</translation>
    </message>
    <message>
        <location filename="../../processing/destinations.py" line="199"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../../processing/destinations.py" line="199"/>
        <source>Wijkbladen (PDF)</source>
        <translation>Wijkbladen (PDF)</translation>
    </message>
    <message>
        <location filename="../../processing/destinations.py" line="199"/>
        <source>PDF (*.pdf *.PDF)</source>
        <translation>PDF-bestanden (*.pdf *.PDF)</translation>
    </message>
    <message>
        <location filename="../../processing/destinations.py" line="199"/>
        <source>Overview (PNG)</source>
        <translation>Overzichtskaart (PNG)</translation>
    </message>
    <message>
        <location filename="../../processing/destinations.py" line="199"/>
        <source>PNG (*.png *.PNG)</source>
        <translation>PNG-bestanden (*.png *.PNG)</translation>
    </message>
    <message>
        <location filename="../../processing/destinations.py" line="213"/>
        <source>Output &apos;{}&apos; is &apos;{}&apos;; the diagnosis is written as a GeoPackage: give a file name ending in .gpkg.</source>
        <translation>Uitvoer '{}' is '{}'; de diagnose wordt als GeoPackage geschreven: geef een bestandsnaam die eindigt op .gpkg.</translation>
    </message>
</context>
<context>
    <name>DiagnoseGemeente</name>
    <message>
        <location filename="../../processing/algorithms/diagnose_gemeente.py" line="71"/>
        <source>Diagnose a gemeente (or all of NL) in one step</source>
        <translation>Een gemeente (of heel Nederland) in één stap diagnosticeren</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/diagnose_gemeente.py" line="99"/>
        <source>Gemeente (code GM0503 or name; empty: all of NL)</source>
        <translation>Gemeente (code GM0503 of naam; leeg: heel Nederland)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/diagnose_gemeente.py" line="112"/>
        <source>Wijkbladen for all of NL too (thousands of pages)</source>
        <translation>Wijkbladen ook voor heel Nederland (duizenden pagina's)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/diagnose_gemeente.py" line="119"/>
        <source>Diagnosed wijken (GeoPackage)</source>
        <translation>Gediagnosticeerde wijken (GeoPackage)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/diagnose_gemeente.py" line="119"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/diagnose_gemeente.py" line="119"/>
        <source>Wijkbladen (PDF)</source>
        <translation>Wijkbladen (PDF)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/diagnose_gemeente.py" line="119"/>
        <source>PDF (*.pdf *.PDF)</source>
        <translation>PDF-bestanden (*.pdf *.PDF)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/diagnose_gemeente.py" line="119"/>
        <source>Overview (PNG)</source>
        <translation>Overzichtskaart (PNG)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/diagnose_gemeente.py" line="119"/>
        <source>PNG (*.png *.PNG)</source>
        <translation>PNG-bestanden (*.png *.PNG)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/diagnose_gemeente.py" line="221"/>
        <source>Output &apos;{}&apos; is &apos;{}&apos;; the diagnosis is written as a GeoPackage: give a file name ending in .gpkg.</source>
        <translation>Uitvoer '{}' is '{}'; de diagnose wordt als GeoPackage geschreven: geef een bestandsnaam die eindigt op .gpkg.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/diagnose_gemeente.py" line="228"/>
        <source>All of NL: no wijkbladen (thousands of pages); tick &apos;Wijkbladen for all of NL too&apos; to have them.</source>
        <translation>Heel Nederland: geen wijkbladen (duizenden pagina's); vink 'Wijkbladen ook voor heel Nederland' aan om ze te krijgen.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/diagnose_gemeente.py" line="136"/>
        <source>Addresses (points, e.g. BAG verblijfsobjecten; optional)</source>
        <translation>Adressen (punten, bijv. BAG-verblijfsobjecten; optioneel)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/diagnose_gemeente.py" line="136"/>
        <source>Public transport stops (points; optional)</source>
        <translation>Ov-haltes (punten; optioneel)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/diagnose_gemeente.py" line="136"/>
        <source>Buildings (polygons, e.g. BAG panden; optional)</source>
        <translation>Gebouwen (polygonen, bijv. BAG-panden; optioneel)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/diagnose_gemeente.py" line="143"/>
        <source>PET raster (°C; optional)</source>
        <translation>PET-raster (°C; optioneel)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/diagnose_gemeente.py" line="143"/>
        <source>Vegetation height raster (m; optional)</source>
        <translation>Raster met vegetatiehoogte (m; optioneel)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/diagnose_gemeente.py" line="103"/>
        <source>Fetch the national spatial sources (BAG, BGT, AHN, OV, heat)</source>
        <translation>Landelijke ruimtelijke bronnen ophalen (BAG, BGT, AHN, OV, hitte)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/diagnose_gemeente.py" line="103"/>
        <source>Fetch the Leefbaarometer scores too</source>
        <translation>Ook de Leefbaarometer-scores ophalen</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/diagnose_gemeente.py" line="180"/>
        <source>All of NL: the national spatial sources are fetched per gemeente, not for the whole country; the diagnosis uses the CBS figures and the layers given.</source>
        <translation>Heel NL: de landelijke ruimtelijke bronnen worden per gemeente opgehaald, niet voor het hele land; de diagnose gebruikt de CBS-cijfers en de gegeven lagen.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/diagnose_gemeente.py" line="74"/>
        <source>Fetches the CBS kerncijfers of a gemeente (code such as GM0503 or name; empty: all of NL) as wijken or buurten (&apos;CBS-kerncijfers ophalen&apos;), fetches the national spatial sources of the gemeente (&apos;Ruimtelijke basisgegevens ophalen&apos;: BAG, BGT, AHN, OV stops and, where a table is configured, heat) and measures every indicator on them, scores the wijken (&apos;Score transitions&apos;), sets the space claims against the capacity (&apos;Space claims against capacity&apos;: BGT roads, BAG buildings, the land cover) and, when a maintenance plan is given, finds the koppelkansen (&apos;Aanleidingen and koppelkansen&apos;); it saves them as one GeoPackage (wijken, claimkaart, bouwstenen, koppelkansen), with the wijkbladen (PDF) and an overview map (PNG) when asked.

A layer given under the optional inputs replaces its national source (aangevuld door lokale data): land cover replaces the BGT, roads the BGT roads, a vegetation height raster the AHN, buildings and addresses the BAG, stops the GTFS, a PET raster the heat table.

For all of NL the spatial sources are not fetched and the wijkbladen are left out (thousands of pages) unless &apos;Wijkbladen for all of NL too&apos; is ticked; the overview then shows the whole country.

Nothing is written until every step has succeeded: a failure or cancel leaves no output. Credit the sources (the log lists them; CBS and Kadaster CC BY 4.0, BAG/BGT/AHN CC0, NDOV).</source>
        <translation>Haalt de CBS-kerncijfers van een gemeente op (code zoals GM0503 of naam; leeg: heel NL) als wijken of buurten ('CBS-kerncijfers ophalen'), haalt de landelijke ruimtelijke bronnen van de gemeente op ('Ruimtelijke basisgegevens ophalen': BAG, BGT, AHN, OV-haltes en, waar een tabel is ingesteld, hitte) en meet daarop elke indicator, scoort de wijken ('Score transitions'), zet de ruimteclaims af tegen de capaciteit ('Ruimteclaims tegenover capaciteit': BGT-wegen, BAG-panden, de bodembedekking) en zoekt, als een onderhoudsplanning is gegeven, de koppelkansen ('Aanleidingen en koppelkansen'); het slaat ze op als één GeoPackage (wijken, claimkaart, bouwstenen, koppelkansen), met de wijkbladen (PDF) en een overzichtskaart (PNG) als daarom gevraagd is.

Een laag die bij de optionele invoer is gegeven, vervangt de landelijke bron (aangevuld door lokale data): bodembedekking vervangt de BGT, wegen de BGT-wegen, een vegetatiehoogteraster de AHN, gebouwen en adressen de BAG, haltes de GTFS, een PET-raster de hittetabel.

Voor heel NL worden de ruimtelijke bronnen niet opgehaald en blijven de wijkbladen weg (duizenden pagina's), tenzij 'Wijkbladen for all of NL too' is aangevinkt; het overzicht toont dan het hele land.

Er wordt niets geschreven voordat elke stap gelukt is: een fout of annuleren laat geen uitvoer achter. Vermeld de bronnen (het log noemt ze; CBS en Kadaster CC BY 4.0, BAG/BGT/AHN CC0, NDOV).</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/diagnose_gemeente.py" line="136"/>
        <source>Road polygons (e.g. BGT wegdeel) or OSM highway lines; optional</source>
        <translation>Wegpolygonen (bijv. BGT wegdeel) of OSM highway-lijnen; optioneel</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/diagnose_gemeente.py" line="302"/>
        <source>No space claims: without roads, buildings or land cover (given or national) the capacity of the wijken is unknown.</source>
        <translation>Geen ruimteclaims: zonder wegen, gebouwen of bodembedekking (gegeven of landelijk) is de capaciteit van de wijken onbekend.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/diagnose_gemeente.py" line="332"/>
        <source>&apos;{}&apos; is empty; with the maintenance works &apos;{}&apos; given, choose the field of the works that holds it (or leave the works empty for no koppelkansen).</source>
        <translation>'{}' is leeg; met de onderhoudswerken '{}' gegeven, kies het veld van de werken dat dit bevat (of laat de werken leeg voor geen koppelkansen).</translation>
    </message>
</context>
<context>
    <name>ExportWijkbladen</name>
    <message>
        <location filename="../../processing/algorithms/export_wijkbladen.py" line="97"/>
        <source>Export wijkbladen (atlas PDF, PNGs, overview)</source>
        <translation>Wijkbladen exporteren (atlas-PDF, PNG's, overzicht)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_wijkbladen.py" line="127"/>
        <source>Diagnosed wijken (output of &apos;Score transitions&apos;)</source>
        <translation>Gediagnosticeerde wijken (uitvoer van 'Transities scoren')</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_wijkbladen.py" line="134"/>
        <source>Layer with claim fields druk_&lt;laag&gt; (empty: the wijken layer)</source>
        <translation>Laag met de claimvelden druk_&lt;laag&gt; (leeg: de wijkenlaag)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_wijkbladen.py" line="165"/>
        <source>Background layers under every map</source>
        <translation>Achtergrondlagen onder elke kaart</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_wijkbladen.py" line="173"/>
        <source>Selected wijken only</source>
        <translation>Alleen geselecteerde wijken</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_wijkbladen.py" line="178"/>
        <source>Only wijken matching this expression</source>
        <translation>Alleen wijken die aan deze expressie voldoen</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_wijkbladen.py" line="186"/>
        <source>Resolution (DPI)</source>
        <translation>Resolutie (DPI)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_wijkbladen.py" line="196"/>
        <source>Wijkbladen (atlas PDF)</source>
        <translation>Wijkbladen (atlas-PDF)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_wijkbladen.py" line="196"/>
        <source>PDF (*.pdf *.PDF)</source>
        <translation>PDF-bestanden (*.pdf *.PDF)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_wijkbladen.py" line="201"/>
        <source>Folder for one PNG per wijk</source>
        <translation>Map voor één PNG per wijk</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_wijkbladen.py" line="209"/>
        <source>Overview of all wijken (PNG)</source>
        <translation>Overzicht van alle wijken (PNG)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_wijkbladen.py" line="209"/>
        <source>PNG (*.png *.PNG)</source>
        <translation>PNG-bestanden (*.png *.PNG)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_wijkbladen.py" line="217"/>
        <source>Number of wijkbladen</source>
        <translation>Aantal wijkbladen</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_wijkbladen.py" line="271"/>
        <source>{} wijkbladen</source>
        <translation>{} wijkbladen</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_wijkbladen.py" line="311"/>
        <source>Layer &apos;{}&apos; is not diagnosed: fields {} are missing. Run &apos;Score transitions&apos; on it first and export its output.</source>
        <translation>Laag '{}' is niet gediagnosticeerd: de velden {} ontbreken. Voer er eerst 'Transities scoren' op uit en exporteer de uitvoer daarvan.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_wijkbladen.py" line="357"/>
        <source>No wijken are selected in layer &apos;{}&apos;.</source>
        <translation>Er zijn geen wijken geselecteerd in laag '{}'.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_wijkbladen.py" line="365"/>
        <source>The filter expression &apos;{}&apos; is invalid: {}</source>
        <translation>De filterexpressie '{}' is ongeldig: {}</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_wijkbladen.py" line="373"/>
        <source>The filter expression &apos;{}&apos; names field(s) {} that layer &apos;{}&apos; does not have; check the field names in its attribute table.</source>
        <translation>De filterexpressie '{}' noemt veld(en) {} die laag '{}' niet heeft; controleer de veldnamen in de attributentabel.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_wijkbladen.py" line="142"/>
        <source>Scenario of &apos;Compare systeemkeuzes&apos; for the claim maps (its id); empty: the layer&apos;s own claims</source>
        <translation>Scenario van 'Systeemkeuzes vergelijken' voor de claimkaarten (zijn id); leeg: de eigen claims van de laag</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_wijkbladen.py" line="343"/>
        <source>Layer &apos;{}&apos; has no scenario &apos;{}&apos; (scenarios found: {}). Run &apos;Compare systeemkeuzes&apos; on it and export its output, or leave the scenario empty.</source>
        <translation>Laag '{}' heeft geen scenario '{}' (gevonden scenario's: {}). Voer 'Systeemkeuzes vergelijken' erop uit en exporteer de uitvoer daarvan, of laat het scenario leeg.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_wijkbladen.py" line="343"/>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_wijkbladen.py" line="100"/>
        <source>Writes one A4 sheet per wijk into a single PDF: the koploper with its status, its zekerheid and the transitions not measured, why it leads, the meelopers, the six urgency scores as a bar chart, the indicators with value, unit and source (greyed, with the reason, where a value did not count), three maps of the pressure on the ondergrond, maaiveld and daken (druk_&lt;laag&gt; = claim / capacity) and a locator map coloured by koploper. Optionally also one PNG per wijk, and a PNG overview of all wijken coloured by koploper with a table of each wijk&apos;s koploper, status and zekerheid. The sheets are in Dutch.

The wijken layer must be diagnosed by &apos;Score transitions&apos; (score_*, koploper, meelopers, zekerheid). The claim maps use the druk_&lt;laag&gt; fields of the claims layer, or of the wijken layer when no claims layer is given; with a scenario of &apos;Compare systeemkeuzes&apos; the maps and captions show that scenario&apos;s druk_&lt;laag&gt;__&lt;scenario&gt; and conflict_&lt;laag&gt;__&lt;scenario&gt; and the sheet names it. With the claims per unit (the outputs of &apos;Ondergrond per street segment&apos;, &apos;Maaiveld per bouwblok&apos; and &apos;Daken per pand&apos;) the ondergrond, maaiveld and dak maps draw the street segments, blocks and panden of the wijk coloured by their own pressure instead of the whole wijk; they hold the claims of the profile they were run with, whatever the scenario. Background layers (e.g. OpenStreetMap) are drawn under every map.

The page design lives in resources/layouts/wijkblad.qpt and overzicht.qpt; see docs/layouts.md.</source>
        <translation>Schrijft één A4-blad per wijk in één PDF: de koploper met zijn status, zijn zekerheid en de transities die niet gemeten zijn, waarom hij koploper is, de meelopers, de zes urgentiescores als staafdiagram, de indicatoren met waarde, eenheid en bron (grijs, met de reden, waar een waarde niet meetelde), drie kaarten van de druk op de ondergrond, het maaiveld en de daken (druk_&lt;laag&gt; = claim / capaciteit) en een situatiekaart ingekleurd naar koploper. Desgewenst ook één PNG per wijk, en een PNG-overzicht van alle wijken ingekleurd naar koploper met een tabel van de koploper, status en zekerheid per wijk. De bladen zijn in het Nederlands.

De wijkenlaag moet gediagnosticeerd zijn met 'Transities scoren' (score_*, koploper, meelopers, zekerheid). De claimkaarten gebruiken de velden druk_&lt;laag&gt; van de claimlaag, of van de wijkenlaag als er geen claimlaag is opgegeven; met een scenario van 'Systeemkeuzes vergelijken' tonen de kaarten en bijschriften druk_&lt;laag&gt;__&lt;scenario&gt; en conflict_&lt;laag&gt;__&lt;scenario&gt; van dat scenario en noemt het blad het. Met de claims per eenheid (de uitvoer van 'Ondergrond per straatsegment', 'Maaiveld per bouwblok' en 'Daken per pand') tekenen de kaarten van ondergrond, maaiveld en dak de straatsegmenten, bouwblokken en panden van de wijk, ingekleurd naar hun eigen druk, in plaats van de hele wijk; zij bevatten de claims van het profiel waarmee ze berekend zijn, welk scenario ook gekozen is. Achtergrondlagen (bijv. OpenStreetMap) worden onder elke kaart getekend.

Het paginaontwerp staat in resources/layouts/wijkblad.qpt en overzicht.qpt; zie docs/layouts.md.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_wijkbladen.py" line="152"/>
        <source>Claims per street segment (output of &apos;Ondergrond per street segment&apos;) for the ondergrond map</source>
        <translation>Claims per straatsegment (uitvoer van 'Ondergrond per straatsegment') voor de ondergrondkaart</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_wijkbladen.py" line="152"/>
        <source>Claims per block (output of &apos;Maaiveld per bouwblok&apos;) for the maaiveld map</source>
        <translation>Claims per bouwblok (uitvoer van 'Maaiveld per bouwblok') voor de maaiveldkaart</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_wijkbladen.py" line="152"/>
        <source>Claims per pand (output of &apos;Daken per pand&apos;) for the dak map</source>
        <translation>Claims per pand (uitvoer van 'Daken per pand') voor de dakkaart</translation>
    </message>
</context>
<context>
    <name>FetchCbs</name>
    <message>
        <location filename="../../processing/algorithms/fetch_cbs.py" line="64"/>
        <source>CBS-kerncijfers ophalen (fetch CBS kerncijfers)</source>
        <translation>CBS-kerncijfers ophalen</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/fetch_cbs.py" line="67"/>
        <source>Fetches the CBS kerncijfers wijken en buurten (kwb) with their geometry (EPSG:28992) from the PDOK OGC API for one or more gemeenten (codes such as GM0503 or names, comma-separated; empty: all of NL), as wijken or buurten. Where an indicator is missing in the year fetched (CBS fills energy and income one to two years later), the newest earlier year that has it is used, at most the given number of years back; the field cbs_jaren tells which year each indicator came from, and onbewoond marks water-only and uninhabited units, which are kept but never scored as if inhabited.

Year: empty for the newest year the service offers. Service address (advanced): a template with {year}; empty for the QGIS setting wijkdiagnose/cbs_base_url, or else https://api.pdok.nl/cbs/wijken-en-buurten-{year}/ogc/v1. Answers are kept in a disk cache (QGIS setting wijkdiagnose/cache_dir), so a second run needs no network. Data: CBS and Kadaster, CC BY 4.0.</source>
        <translation>Haalt de CBS-kerncijfers wijken en buurten (kwb) met hun geometrie (EPSG:28992) op uit de PDOK OGC API voor een of meer gemeenten (codes zoals GM0503 of namen, gescheiden door komma's; leeg: heel Nederland), als wijken of buurten. Ontbreekt een indicator in het opgehaalde jaar (CBS vult energie en inkomen een tot twee jaar later), dan wordt het nieuwste eerdere jaar gebruikt dat hem heeft, hoogstens het opgegeven aantal jaren terug; het veld cbs_jaren zegt uit welk jaar elke indicator komt, en onbewoond markeert eenheden met alleen water of zonder inwoners, die blijven staan maar nooit gescoord worden alsof ze bewoond zijn.

Jaar: leeg voor het nieuwste jaar dat de dienst aanbiedt. Adres van de dienst (geavanceerd): een sjabloon met {year}; leeg voor de QGIS-instelling wijkdiagnose/cbs_base_url, of anders https://api.pdok.nl/cbs/wijken-en-buurten-{year}/ogc/v1. Antwoorden worden bewaard in een schijfcache (QGIS-instelling wijkdiagnose/cache_dir), zodat een tweede run geen netwerk nodig heeft. Gegevens: CBS en Kadaster, CC BY 4.0.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/fetch_cbs.py" line="84"/>
        <source>Gemeenten (codes GM0503 or names, comma-separated; empty: all of NL)</source>
        <translation>Gemeenten (codes GM0503 of namen, gescheiden door komma's; leeg: heel Nederland)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/fetch_cbs.py" line="87"/>
        <source>Years back to look for a missing indicator</source>
        <translation>Aantal jaren terug zoeken naar een ontbrekende indicator</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/fetch_cbs.py" line="97"/>
        <source>CBS kerncijfers</source>
        <translation>CBS-kerncijfers</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/fetch_cbs.py" line="108"/>
        <source>CBS kwb {}: {}</source>
        <translation>CBS kwb {}: {}</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/fetch_cbs.py" line="124"/>
        <source>CBS kwb {} is not offered at {}; no fallback to it.</source>
        <translation>CBS kwb {} wordt niet aangeboden op {}; er wordt niet op teruggevallen.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/fetch_cbs.py" line="144"/>
        <source>{} {} of CBS kwb {} written ({} onbewoond).</source>
        <translation>{} {} van CBS kwb {} geschreven ({} onbewoond).</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/fetch_cbs.py" line="259"/>
        <source>The service address &apos;{}&apos; has no {{year}}; write it as a template, e.g. {}.</source>
        <translation>Het adres van de dienst '{}' bevat geen {{year}}; schrijf het als sjabloon, bijvoorbeeld {}.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/fetch_cbs.py" line="167"/>
        <source>The service {} offers no kwb {} for {}; leave the year empty for the newest, or check the service address.</source>
        <translation>De dienst {} biedt geen kwb {} voor {}; laat het jaar leeg voor het nieuwste, of controleer het adres van de dienst.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/fetch_cbs.py" line="197"/>
        <source>Gemeente &apos;{}&apos; is not among the gemeenten of CBS kwb {} (close: {}); give its code (GM0503) or its name as CBS writes it.</source>
        <translation>Gemeente '{}' staat niet tussen de gemeenten van CBS kwb {} (lijkt op: {}); geef de code (GM0503) of de naam zoals CBS die schrijft.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/fetch_cbs.py" line="211"/>
        <source>{} of {} has no gemeente code property to filter on; leave Gemeenten empty to fetch all of NL, or check the service address.</source>
        <translation>{} van {} heeft geen eigenschap met de gemeentecode om op te filteren; laat Gemeenten leeg om heel Nederland op te halen, of controleer het adres van de dienst.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/fetch_cbs.py" line="235"/>
        <source>CBS kwb {} has no {} for {}; check the gemeente codes (GM0503) or names.</source>
        <translation>CBS kwb {} heeft geen {} voor {}; controleer de gemeentecodes (GM0503) of -namen.</translation>
    </message>
</context>
<context>
    <name>FetchSpatial</name>
    <message>
        <location filename="../../processing/algorithms/fetch_spatial.py" line="53"/>
        <source>Ruimtelijke basisgegevens ophalen (fetch national spatial data)</source>
        <translation>Ruimtelijke basisgegevens ophalen</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/fetch_spatial.py" line="72"/>
        <source>Gemeente (code GM0503 or name; empty: the extent)</source>
        <translation>Gemeente (code GM0503 of naam; leeg: de extent)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/fetch_spatial.py" line="79"/>
        <source>Extent (when no gemeente is given)</source>
        <translation>Extent (als er geen gemeente is gegeven)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/fetch_spatial.py" line="91"/>
        <source>Tile size (m)</source>
        <translation>Tegelgrootte (m)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/fetch_spatial.py" line="98"/>
        <source>CBS service address with {year} (for the gemeente&apos;s polygon)</source>
        <translation>Adres van de CBS-dienst met {year} (voor de polygoon van de gemeente)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/fetch_spatial.py" line="105"/>
        <source>Service address: {}</source>
        <translation>Adres van de dienst: {}</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/fetch_spatial.py" line="123"/>
        <source>Every source is switched off; switch on at least one.</source>
        <translation>Elke bron staat uit; zet er minstens één aan.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/fetch_spatial.py" line="131"/>
        <source>Area: {}</source>
        <translation>Gebied: {}</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/fetch_spatial.py" line="137"/>
        <source>{}: {}</source>
        <translation>{}: {}</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/fetch_spatial.py" line="162"/>
        <source>Source: {}</source>
        <translation>Bron: {}</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/fetch_spatial.py" line="172"/>
        <source>Give a gemeente (a code such as GM0503 or a name) or an extent.</source>
        <translation>Geef een gemeente (een code zoals GM0503 of een naam) of een extent.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/fetch_spatial.py" line="179"/>
        <source>The extent is empty; draw or give one, or a gemeente.</source>
        <translation>De extent is leeg; teken of geef er een, of een gemeente.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/fetch_spatial.py" line="56"/>
        <source>Fetches the national spatial sources for one gemeente (a code such as GM0503 or its name) or an extent: BAG panden and verblijfsobjecten, BGT land cover and road polygons, AHN vegetation height, OV stops with their modes (GTFS), and, when switched on, the per-buurt heat table and the Leefbaarometer scores. Each source can be switched off, and its service address set (advanced parameters, or the QGIS settings wijkdiagnose/&lt;source&gt;_url).

Large gemeenten are fetched in tiles; every finished tile is kept in the disk cache (QGIS setting wijkdiagnose/cache_dir), so an interrupted fetch resumes where it stopped and a second run needs no network. Nothing is written until every source has succeeded.

The outputs go straight into the indicator algorithms, or into &apos;Diagnose a gemeente&apos;, which runs this itself. Credit the sources on every map and sheet (the log lists them; see docs/national.md).</source>
        <translation>Haalt de landelijke ruimtelijke bronnen op voor één gemeente (een code zoals GM0503 of de naam) of een extent: BAG-panden en -verblijfsobjecten, BGT-bodembedekking en wegvlakken, AHN-vegetatiehoogte, OV-haltes met hun modaliteiten (GTFS) en, als ze aan staan, de hittetabel per buurt en de Leefbaarometer-scores. Elke bron kan uit, en het adres van elke dienst is in te stellen (geavanceerde parameters, of de QGIS-instellingen wijkdiagnose/&lt;source&gt;_url).

Grote gemeenten worden in tegels opgehaald; elke afgeronde tegel blijft in de schijfcache (QGIS-instelling wijkdiagnose/cache_dir), dus een onderbroken ophaalactie gaat verder waar hij stopte en een tweede run heeft geen netwerk nodig. Er wordt niets geschreven voordat elke bron gelukt is.

De uitvoer gaat rechtstreeks naar de indicator-algoritmen, of naar 'Diagnose a gemeente', dat dit zelf uitvoert. Vermeld de bronnen op elke kaart en elk blad (het log noemt ze; zie docs/national.md).</translation>
    </message>
</context>
<context>
    <name>GemeenteDialog</name>
    <message>
        <location filename="../../ui/gemeente_dialog.py" line="62"/>
        <source>Gemeente ophalen</source>
        <translation>Gemeente ophalen</translation>
    </message>
    <message>
        <location filename="../../ui/gemeente_dialog.py" line="65"/>
        <source>Type a name or code, e.g. Delft or GM0503</source>
        <translation>Typ een naam of code, bijv. Delft of GM0503</translation>
    </message>
    <message>
        <location filename="../../ui/gemeente_dialog.py" line="72"/>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
</context>
<context>
    <name>GemeenteRow</name>
    <message>
        <location filename="../../ui/gemeente_dialog.py" line="177"/>
        <source>Gemeente ophalen…</source>
        <translation>Gemeente ophalen…</translation>
    </message>
    <message>
        <location filename="../../ui/gemeente_dialog.py" line="178"/>
        <source>Fetch the CBS kerncijfers of a gemeente and diagnose its wijken</source>
        <translation>De CBS-kerncijfers van een gemeente ophalen en de wijken diagnosticeren</translation>
    </message>
    <message>
        <location filename="../../ui/gemeente_dialog.py" line="193"/>
        <source>The gemeenten could not be fetched: {}</source>
        <translation>De gemeenten konden niet worden opgehaald: {}</translation>
    </message>
    <message>
        <location filename="../../ui/gemeente_dialog.py" line="203"/>
        <source>Diagnosing {}…</source>
        <translation>{} wordt gediagnosticeerd…</translation>
    </message>
    <message>
        <location filename="../../ui/gemeente_dialog.py" line="209"/>
        <source>Diagnosing {}… {} %</source>
        <translation>{} wordt gediagnosticeerd… {} %</translation>
    </message>
    <message>
        <location filename="../../ui/gemeente_dialog.py" line="216"/>
        <source>{} could not be diagnosed: {}</source>
        <translation>{} kon niet worden gediagnosticeerd: {}</translation>
    </message>
    <message>
        <location filename="../../ui/gemeente_dialog.py" line="218"/>
        <source>Wijkdiagnose {}</source>
        <translation>Wijkdiagnose {}</translation>
    </message>
    <message>
        <location filename="../../ui/gemeente_dialog.py" line="224"/>
        <source>{} diagnosed: {}</source>
        <translation>{} gediagnosticeerd: {}</translation>
    </message>
</context>
<context>
    <name>HeatFromTable</name>
    <message>
        <location filename="../../processing/algorithms/heat_from_table.py" line="25"/>
        <source>Heat stress from the PET class table (no PET raster)</source>
        <translation>Hittestress uit de tabel met PET-klassen (geen PET-raster)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/heat_from_table.py" line="28"/>
        <source>The fallback for the heat indicators when there is no PET raster: the per-buurt PET class shares of the Klimaateffectatlas buurtdashboard (the HEAT table of 'Fetch national spatial data') joined by CBS code onto wijken or buurten.

Adds ind_pet_gt35 (% of the area with a PET class above 35 °C: the classes 35-41 and &gt;41) and ind_pet_gt41 (&gt;41), and dek_hitte (% of the wijk covered by buurten with PET shares). A wijk (WK050311) takes its buurten (BU050311xx), weighed by their area when a buurten layer is given, else equally (the log says so). ind_pet_gem and ind_pet_p90 cannot be derived from classes and stay empty.

The provenance field herkomst says that the values come from the table and not from a PET raster; Score transitions keeps it. A PET raster always wins: a wijk that has the heat shares already from elsewhere is left as it is. Only the thresholds 35 and 41 °C can be derived from the classes.</source>
        <translation>De terugvaloptie voor de hitte-indicatoren als er geen PET-raster is: de PET-klassen per buurt van het buurtdashboard van de Klimaateffectatlas (de tabel HEAT van 'Ruimtelijke basisgegevens ophalen'), op CBS-code gekoppeld aan wijken of buurten.

Voegt ind_pet_gt35 toe (% van het oppervlak met een PET-klasse boven 35 °C: de klassen 35-41 en &gt;41), ind_pet_gt41 (&gt;41) en dek_hitte (% van de wijk dat gedekt is door buurten met PET-aandelen). Een wijk (WK050311) krijgt zijn buurten (BU050311xx), gewogen naar hun oppervlak als een buurtenlaag is opgegeven, anders even zwaar (het logboek meldt dat). ind_pet_gem en ind_pet_p90 zijn niet uit klassen af te leiden en blijven leeg.

Het herkomstveld herkomst zegt dat de waarden uit de tabel komen en niet uit een PET-raster; Transities scoren behoudt dat. Een PET-raster gaat altijd voor: een wijk die de hitte-aandelen al uit een andere bron heeft, blijft zoals hij is. Alleen de drempels 35 en 41 °C zijn uit de klassen af te leiden.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/heat_from_table.py" line="44"/>
        <source>PET class shares per buurt (HEAT table)</source>
        <translation>PET-klassen per buurt (tabel HEAT)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/heat_from_table.py" line="49"/>
        <source>Buurten (polygons with buurt codes; optional: weigh by area)</source>
        <translation>Buurten (polygonen met buurtcodes; optioneel: weeg naar oppervlak)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/heat_from_table.py" line="58"/>
        <source>Strong heat stress above (°C PET)</source>
        <translation>Sterke hittestress boven (°C PET)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/heat_from_table.py" line="58"/>
        <source>Extreme heat stress above (°C PET)</source>
        <translation>Extreme hittestress boven (°C PET)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/heat_from_table.py" line="102"/>
        <source>{} wijk(en) have a herkomst field that cannot be read; it is written anew.</source>
        <translation>{} wijk(en) hebben een herkomstveld dat niet te lezen is; het wordt opnieuw geschreven.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/heat_from_table.py" line="118"/>
        <source>Layer '{}' has no buurt code field (bu_code, buurtcode, …).</source>
        <translation>Laag '{}' heeft geen veld met buurtcodes (bu_code, buurtcode, …).</translation>
    </message>
</context>
<context>
    <name>HeatStress</name>
    <message>
        <location filename="../../processing/algorithms/heat_stress.py" line="30"/>
        <source>Heat stress (PET)</source>
        <translation>Hittestress (PET)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/heat_stress.py" line="51"/>
        <source>PET raster (°C); empty: heat fields stay empty</source>
        <translation>PET-raster (°C); leeg: de hittevelden blijven leeg</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/heat_stress.py" line="56"/>
        <source>Addresses (points, e.g. BAG verblijfsobjecten)</source>
        <translation>Adressen (punten, bijv. BAG-verblijfsobjecten)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/heat_stress.py" line="64"/>
        <source>Dwellings per address (weight)</source>
        <translation>Woningen per adres (gewicht)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/heat_stress.py" line="73"/>
        <source>Strong heat stress above (°C PET)</source>
        <translation>Sterke hittestress boven (°C PET)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/heat_stress.py" line="73"/>
        <source>Extreme heat stress above (°C PET)</source>
        <translation>Extreme hittestress boven (°C PET)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/heat_stress.py" line="73"/>
        <source>Cool place: PET at most (°C)</source>
        <translation>Koele plek: PET hoogstens (°C)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/heat_stress.py" line="73"/>
        <source>Cool place: contiguous area at least (m²)</source>
        <translation>Koele plek: aaneengesloten oppervlak minstens (m²)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/heat_stress.py" line="73"/>
        <source>Cool place within (m)</source>
        <translation>Koele plek binnen (m)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/heat_stress.py" line="115"/>
        <source>No PET raster given: the heat indicators are empty and dek_hitte is 0.</source>
        <translation>Geen PET-raster opgegeven: de hitte-indicatoren zijn leeg en dek_hitte is 0.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/heat_stress.py" line="33"/>
        <source>Heat stress per wijk from a gevoelstemperatuur (PET) raster such as the national hittekaart of the Klimaateffectatlas (°C, 12-18h on a hot day).

Adds ind_pet_gem (area mean), ind_pet_p90, ind_pet_gt35 and ind_pet_gt41 (% of the area above the strong and extreme heat-stress thresholds; PET classes 23/29/35/41 °C after Matzarakis &amp; Mayer), ind_koelte_300 (% of addresses, or dwellings when a dwellings field is given, farther than 300 m from a cool place: at least 200 m² contiguous with PET &lt;= 38 °C) and dek_hitte (% of the wijk the raster covers; a wijk partly outside the raster is reported, not guessed).

The raster is read in blocks, so it may be larger than memory; wijken are reprojected to the raster's CRS and raster nodata is left out, and so are cells outside -40 to 70 °C (an undeclared nodata such as -9999): the log counts them. A raster in Kelvin is refused; convert it to °C first.

Without a PET raster the heat fields are added empty with dek_hitte 0, so a model can run before the hittekaart is at hand; scoring then sees no heat data.</source>
        <translation>Hittestress per wijk uit een raster met de gevoelstemperatuur (PET), zoals de landelijke hittekaart van de Klimaateffectatlas (°C, 12-18 uur op een hete dag).

Voegt toe: ind_pet_gem (gemiddelde over het oppervlak), ind_pet_p90, ind_pet_gt35 en ind_pet_gt41 (% van het oppervlak boven de drempels voor sterke en extreme hittestress; PET-klassen 23/29/35/41 °C naar Matzarakis &amp; Mayer), ind_koelte_300 (% van de adressen, of van de woningen als er een veld met woningen is opgegeven, op meer dan 300 m van een koele plek: minstens 200 m² aaneengesloten met PET &lt;= 38 °C) en dek_hitte (% van de wijk dat het raster dekt; een wijk die deels buiten het raster valt, wordt gemeld, niet geschat).

Het raster wordt in blokken gelezen en mag dus groter zijn dan het geheugen; de wijken worden naar het CRS van het raster geprojecteerd en nodata-cellen van het raster tellen niet mee, net zo min als cellen buiten -40 tot 70 °C (een niet opgegeven nodata-waarde zoals -9999): het log telt ze. Een raster in Kelvin wordt geweigerd; reken het eerst om naar °C.

Zonder PET-raster worden de hittevelden leeg toegevoegd, met dek_hitte 0, zodat een model al kan draaien voordat de hittekaart er is; de scoring ziet dan geen hittegegevens.</translation>
    </message>
</context>
<context>
    <name>IndicatorAlgorithm</name>
    <message>
        <location filename="../../processing/indicator_algorithm.py" line="45"/>
        <source>Wijken (polygons)</source>
        <translation>Wijken (polygonen)</translation>
    </message>
    <message>
        <location filename="../../processing/indicator_algorithm.py" line="58"/>
        <source>Wijken with indicators</source>
        <translation>Wijken met indicatoren</translation>
    </message>
    <message>
        <location filename="../../processing/indicator_algorithm.py" line="146"/>
        <source>Raster &apos;{}&apos; is not a file (provider &apos;{}&apos;); save it as GeoTIFF first.</source>
        <translation>Raster '{}' is geen bestand (provider '{}'); sla het eerst op als GeoTIFF.</translation>
    </message>
    <message>
        <location filename="../../processing/indicator_algorithm.py" line="128"/>
        <source>Paved share of private yards (0-1; empty: report apart)</source>
        <translation>Verhard aandeel van particuliere erven (0-1; leeg: apart melden)</translation>
    </message>
    <message>
        <location filename="../../processing/indicator_algorithm.py" line="51"/>
        <source>Credit the values to national sources (ids such as bgt, ahn; optional)</source>
        <translation>Schrijf de waarden toe aan landelijke bronnen (ids zoals bgt, ahn; optioneel)</translation>
    </message>
</context>
<context>
    <name>IndicatorsPanel</name>
    <message>
        <location filename="../../ui/panels/indicators.py" line="19"/>
        <source>Indicator</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../ui/panels/indicators.py" line="19"/>
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
    <message>
        <location filename="../../ui/panels/indicators.py" line="19"/>
        <source>Unit</source>
        <translation>Eenheid</translation>
    </message>
    <message>
        <location filename="../../ui/panels/indicators.py" line="19"/>
        <source>Urgency</source>
        <translation>Urgentie</translation>
    </message>
    <message>
        <location filename="../../ui/panels/indicators.py" line="19"/>
        <source>Transition</source>
        <translation>Transitie</translation>
    </message>
    <message>
        <location filename="../../ui/panels/indicators.py" line="19"/>
        <source>Source</source>
        <translation>Bron</translation>
    </message>
    <message>
        <location filename="../../ui/panels/indicators.py" line="58"/>
        <source>Rank in the study area: depends on all wijken scored together</source>
        <translation>Rang in het studiegebied: hangt af van alle wijken die samen zijn gescoord</translation>
    </message>
    <message>
        <location filename="../../ui/panels/indicators.py" line="62"/>
        <source>Did not count in the scores: measured on too little of the wijk (see its dek_* field), or the layer holds no urgencies</source>
        <translation>Telde niet mee in de scores: gemeten op te weinig van de wijk (zie het veld dek_*), of de laag bevat geen urgenties</translation>
    </message>
</context>
<context>
    <name>Koppelkansen</name>
    <message>
        <location filename="../../processing/algorithms/koppelkansen.py" line="55"/>
        <source>Aanleidingen and koppelkansen (timeline per wijk)</source>
        <translation>Aanleidingen en koppelkansen (tijdlijn per wijk)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/koppelkansen.py" line="58"/>
        <source>Puts planned maintenance (aanleidingen: sewer replacement, road resurfacing, gas-grid renewal, housing renovation) on a timeline per wijk and finds the koppelkansen within the planning horizon: two works that open the same space (ondergrond, maaiveld) within the graafrust window (werk-met-werk), and works that can carry a transition whose score is at or above the urgency threshold.

The maintenance layer may have any geometry (a work is placed in the wijk it overlaps most) or none (a table, e.g. a CSV, with a wijk code field). Its year field holds a year or a range such as 2027-2029. Types are matched to the catalogue (TOML; empty for the shipped one), which also maps free text such as &apos;rioolvervanging&apos; to a type.

Adds aanleidingen, eerste_aanleiding, n_koppelkansen and koppelkansen to the wijken, and writes a table with one row per koppelkans (wijk, kind, years, events, transitions, layers, sources, reason).</source>
        <translation>Zet gepland onderhoud (aanleidingen: rioolvervanging, herbestrating, vervanging van het gasnet, woningrenovatie) op een tijdlijn per wijk en vindt de koppelkansen binnen de planhorizon: twee werken die dezelfde ruimte openleggen (ondergrond, maaiveld) binnen de graafrusttermijn (werk-met-werk), en werken die een transitie kunnen meenemen waarvan de score op of boven de urgentiedrempel ligt.

De onderhoudslaag mag elke geometrie hebben (een werk wordt geplaatst in de wijk die het het meest overlapt) of geen (een tabel, bijv. een CSV-bestand, met een veld met de wijkcode). Het jaarveld bevat een jaar of een periode zoals 2027-2029. De typen worden gekoppeld aan de catalogus (TOML; leeg voor de meegeleverde), die ook vrije tekst zoals 'rioolvervanging' aan een type koppelt.

Voegt aanleidingen, eerste_aanleiding, n_koppelkansen en koppelkansen toe aan de wijken, en schrijft een tabel met één rij per koppelkans (wijk, soort, jaren, gebeurtenissen, transities, lagen, bronnen, reden).</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/koppelkansen.py" line="78"/>
        <source>Wijken with koppelkansen</source>
        <translation>Wijken met koppelkansen</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/koppelkansen.py" line="81"/>
        <source>Koppelkansen (table)</source>
        <translation>Koppelkansen (tabel)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/koppelkansen.py" line="162"/>
        <source>{} work(s) of layer &apos;{}&apos; name wijk codes that are not in layer &apos;{}&apos; and were left out: {}. Check the wijk code fields.</source>
        <translation>{} werk(en) uit laag '{}' noemen wijkcodes die niet in laag '{}' voorkomen en zijn weggelaten: {}. Controleer de velden met de wijkcode.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/koppelkansen.py" line="169"/>
        <source>{} work(s) of layer &apos;{}&apos; have no wijk code and no geometry inside a wijk and were left out (rows {}). Give a wijk code field or a location.</source>
        <translation>{} werk(en) uit laag '{}' hebben geen wijkcode en geen geometrie binnen een wijk en zijn weggelaten (rijen {}). Geef een veld met de wijkcode of een locatie op.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/koppelkansen.py" line="176"/>
        <source>{} work(s) lie outside the planning horizon {}-{} and were left out.</source>
        <translation>{} werk(en) vallen buiten de planhorizon {}-{} en zijn weggelaten.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/koppelkansen.py" line="181"/>
        <source>{} koppelkansen in {} wijken.</source>
        <translation>{} koppelkansen in {} wijken.</translation>
    </message>
</context>
<context>
    <name>LandCoverShares</name>
    <message>
        <location filename="../../processing/algorithms/land_cover_shares.py" line="26"/>
        <source>Paving and green shares (land cover)</source>
        <translation>Aandeel verharding en groen (bodembedekking)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/land_cover_shares.py" line="29"/>
        <source>Sealed and green shares per wijk from land-cover polygons: the BGT layers (wegdeel, onbegroeidterreindeel, begroeidterreindeel, waterdeel, pand) or OSM (landuse, natural, leisure, surface, building).

Sealed share = sealed area / land area without water; roads, paved terrain and buildings are sealed, open paving (klinkers) counts half. Private yards (BGT erf) are unknown and reported apart as ind_erf, unless a garden-paving fraction is given. Where polygons overlap, the area counts once (building first, then water, paving, green).

The class mapping (field value -&gt; category) is resources/profiles/landcover_classes.toml; copy and edit it for local classes.

Adds ind_verhard, ind_groen, ind_erf (%) and dek_bodem (% of the wijk covered by mapped land cover).</source>
        <translation>Aandeel verhard en groen per wijk uit polygonen van de bodembedekking: de BGT-lagen (wegdeel, onbegroeidterreindeel, begroeidterreindeel, waterdeel, pand) of OSM (landuse, natural, leisure, surface, building).

Aandeel verhard = verhard oppervlak / landoppervlak zonder water; wegen, verhard terrein en gebouwen zijn verhard, open verharding (klinkers) telt half. Particuliere erven (BGT erf) zijn onbekend en worden apart gemeld als ind_erf, tenzij er een verhardingsfractie voor tuinen is opgegeven. Waar polygonen overlappen, telt het oppervlak één keer (eerst gebouw, dan water, verharding, groen).

De klassenindeling (veldwaarde -&gt; categorie) staat in resources/profiles/landcover_classes.toml; kopieer en bewerk die voor lokale klassen.

Voegt ind_verhard, ind_groen, ind_erf (%) en dek_bodem (% van de wijk gedekt door ingedeelde bodembedekking) toe.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/land_cover_shares.py" line="43"/>
        <source>Land-cover layers (polygons)</source>
        <translation>Lagen met bodembedekking (polygonen)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/land_cover_shares.py" line="48"/>
        <source>Class mapping</source>
        <translation>Klassenindeling</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/land_cover_shares.py" line="53"/>
        <source>Class fields, comma separated (empty: those of the mapping)</source>
        <translation>Klassevelden, kommagescheiden (leeg: die van de indeling)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/land_cover_shares.py" line="60"/>
        <source>Own class mapping (TOML); empty for the shipped one</source>
        <translation>Eigen klassenindeling (TOML); leeg voor de meegeleverde</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/land_cover_shares.py" line="79"/>
        <source>Pick at least one land-cover polygon layer.</source>
        <translation>Kies minstens één polygoonlaag met bodembedekking.</translation>
    </message>
</context>
<context>
    <name>LeefbaarometerScores</name>
    <message>
        <location filename="../../processing/algorithms/leefbaarometer_scores.py" line="17"/>
        <source>Leefbaarometer scores</source>
        <translation>Leefbaarometer-scores</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/leefbaarometer_scores.py" line="20"/>
        <source>Adds ind_lbm, the Leefbaarometer 3.0 class of every wijk or buurt (1 zeer onvoldoende … 9 uitstekend), joined by CBS code from the LEEFBAAROMETER layer of 'Fetch national spatial data' (fetched at the level of the wijken: wijk scores for wijken, buurt scores for buurten).

The default profile does not weigh it; to count it in the sociaaleconomisch score, add 'ind_lbm = 1' under [transitions.sociaaleconomisch] in a profile. Its reference: class 9 is urgency 0, class 1 is urgency 100.</source>
        <translation>Voegt ind_lbm toe, de klasse van de Leefbaarometer 3.0 van elke wijk of buurt (1 zeer onvoldoende … 9 uitstekend), op CBS-code gekoppeld uit de laag LEEFBAAROMETER van 'Ruimtelijke basisgegevens ophalen' (opgehaald op het niveau van de wijken: wijkscores voor wijken, buurtscores voor buurten).

Het standaardprofiel weegt hem niet mee; om hem in de score sociaaleconomisch mee te tellen, zet 'ind_lbm = 1' onder [transitions.sociaaleconomisch] in een profiel. De referentie: klasse 9 is urgentie 0, klasse 1 is urgentie 100.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/leefbaarometer_scores.py" line="31"/>
        <source>Leefbaarometer scores (LEEFBAAROMETER)</source>
        <translation>Leefbaarometer-scores (LEEFBAAROMETER)</translation>
    </message>
</context>
<context>
    <name>RasterCoverShares</name>
    <message>
        <location filename="../../processing/algorithms/raster_cover_shares.py" line="20"/>
        <source>Paving and green shares (classified raster)</source>
        <translation>Aandeel verharding en groen (geclassificeerd raster)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/raster_cover_shares.py" line="23"/>
        <source>Sealed and green shares per wijk from a classified land-cover raster, for when no BGT or OSM polygons are at hand. Give each raster value its category: pand, verhard, half_verhard (counts half), onverhard, groen, erf (private yards, reported apart) or water (left out of the land area), e.g. &apos;1=pand, 2=verhard, 3=half_verhard, 4=groen, 5=water&apos;. Other values count as not covered.

Adds ind_verhard, ind_groen, ind_erf (%) and dek_bodem (% of the wijk covered by classified cells). The raster is read in blocks.</source>
        <translation>Aandeel verhard en groen per wijk uit een geclassificeerd raster van de bodembedekking, voor als er geen BGT- of OSM-polygonen beschikbaar zijn. Geef elke rasterwaarde haar categorie: pand, verhard, half_verhard (telt half), onverhard, groen, erf (particuliere erven, apart gemeld) of water (telt niet mee in het landoppervlak), bijv. '1=pand, 2=verhard, 3=half_verhard, 4=groen, 5=water'. Andere waarden tellen als niet gedekt.

Voegt ind_verhard, ind_groen, ind_erf (%) en dek_bodem (% van de wijk gedekt door geclassificeerde cellen) toe. Het raster wordt in blokken gelezen.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/raster_cover_shares.py" line="34"/>
        <source>Classified land-cover raster</source>
        <translation>Geclassificeerd raster van de bodembedekking</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/raster_cover_shares.py" line="37"/>
        <source>Classes: value=category, comma separated</source>
        <translation>Klassen: waarde=categorie, kommagescheiden</translation>
    </message>
</context>
<context>
    <name>RoofAreas</name>
    <message>
        <location filename="../../processing/algorithms/roof_areas.py" line="21"/>
        <source>Roof areas</source>
        <translation>Dakoppervlakken</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/roof_areas.py" line="24"/>
        <source>Roof area per wijk from building footprints (BAG panden, 3D BAG, OSM buildings), the space that PV, green roofs and water roofs compete for.

Adds ind_dak_totaal, ind_dak_plat, ind_dak_schuin (m²; by the roof-shape field when given: OSM roof:shape, 3D BAG b3_dak_type), ind_dak_bruikbaar (usable m²: flat roofs fully, sloped roofs by the sloped factor for their orientation, unknown shapes by the unknown factor) and dek_dak (% of the wijk inside the building layer's extent). A building across a wijk border counts in each wijk by area.</source>
        <translation>Dakoppervlak per wijk uit gebouwcontouren (BAG-panden, 3D BAG, OSM-gebouwen): de ruimte waar PV, groene daken en waterdaken om concurreren.

Voegt toe: ind_dak_totaal, ind_dak_plat, ind_dak_schuin (m²; volgens het veld met de dakvorm als dat is opgegeven: OSM roof:shape, 3D BAG b3_dak_type), ind_dak_bruikbaar (bruikbare m²: platte daken helemaal, schuine daken naar de factor voor schuine daken (vanwege hun oriëntatie), onbekende dakvormen naar de factor voor onbekende vormen) en dek_dak (% van de wijk binnen het bereik van de gebouwenlaag). Een gebouw dat over een wijkgrens ligt, telt naar oppervlak mee in elke wijk.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/roof_areas.py" line="35"/>
        <source>Buildings (polygons)</source>
        <translation>Gebouwen (polygonen)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/roof_areas.py" line="40"/>
        <source>Roof shape field</source>
        <translation>Veld met de dakvorm</translation>
    </message>
</context>
<context>
    <name>SaveDiagnosis</name>
    <message>
        <location filename="../../processing/algorithms/save_diagnosis.py" line="56"/>
        <source>Save the diagnosis (GeoPackage and wijkbladen)</source>
        <translation>Diagnose opslaan (GeoPackage en wijkbladen)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/save_diagnosis.py" line="59"/>
        <source>Writes the diagnosed wijken and, when given, the koppelkansen table, the claim map and the claims per building block as the layers wijken, koppelkansen, claimkaart and bouwstenen of one GeoPackage, and saves the wijkbladen PDF and the overview PNG beside it.

Everything is written under hidden names in the destination folders first and moved into place only when all of it succeeded: a failure or cancel leaves no output and no new layer. In an existing GeoPackage of that name these layers are replaced and its other layers stay; an output that is one of the inputs is refused. Features that repeat a feature id (the claim map has one feature per wijk and layer) get new ids.

The shipped model ends with this step.</source>
        <translation>Schrijft de gediagnosticeerde wijken en, als ze gegeven zijn, de tabel met koppelkansen, de claimkaart en de claims per bouwsteen als de lagen wijken, koppelkansen, claimkaart en bouwstenen van één GeoPackage, en bewaart de PDF met wijkbladen en de overzichtskaart (PNG) ernaast.

Alles wordt eerst onder verborgen namen in de doelmappen geschreven en pas op zijn plaats gezet als alles gelukt is: een fout of annulering laat geen uitvoer en geen nieuwe laag achter. In een bestaand GeoPackage met die naam worden deze lagen vervangen en blijven de andere lagen staan; een uitvoer die een van de invoerbestanden is, wordt geweigerd. Objecten die een object-id herhalen (de claimkaart heeft één object per wijk en laag) krijgen nieuwe id's.

Het meegeleverde model eindigt met deze stap.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/save_diagnosis.py" line="73"/>
        <source>Diagnosed wijken</source>
        <translation>Gediagnosticeerde wijken</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/save_diagnosis.py" line="78"/>
        <source>Koppelkansen (table)</source>
        <translation>Koppelkansen (tabel)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/save_diagnosis.py" line="78"/>
        <source>Claim map</source>
        <translation>Claimkaart</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/save_diagnosis.py" line="78"/>
        <source>Claims per building block (table)</source>
        <translation>Claims per bouwsteen (tabel)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/save_diagnosis.py" line="86"/>
        <source>Wijkbladen to save (PDF)</source>
        <translation>Wijkbladen om op te slaan (PDF)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/save_diagnosis.py" line="86"/>
        <source>Overview to save (PNG)</source>
        <translation>Overzichtskaart om op te slaan (PNG)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/save_diagnosis.py" line="126"/>
        <source>Cannot write the diagnosis: {} ({}).</source>
        <translation>De diagnose kan niet worden geschreven: {} ({}).</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/save_diagnosis.py" line="134"/>
        <source>Wrote {} with the layers {}.</source>
        <translation>{} geschreven met de lagen {}.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/save_diagnosis.py" line="145"/>
        <source>Output &apos;{}&apos; needs the file to save: give &apos;{}&apos; too.</source>
        <translation>Uitvoer '{}' heeft het bestand nodig dat moet worden opgeslagen: geef ook '{}'.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/save_diagnosis.py" line="153"/>
        <source>File &apos;{}&apos; ({}) does not exist.</source>
        <translation>Bestand '{}' ({}) bestaat niet.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/save_diagnosis.py" line="177"/>
        <source>Layer &apos;{}&apos;: field &apos;fid&apos; repeats ids; its rows get new ids.</source>
        <translation>Laag '{}': veld 'fid' herhaalt id's; de rijen krijgen nieuwe id's.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/save_diagnosis.py" line="186"/>
        <source>Layer &apos;{}&apos; could not be written to the GeoPackage: {}</source>
        <translation>Laag '{}' kon niet in het GeoPackage worden geschreven: {}</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/save_diagnosis.py" line="203"/>
        <source>Cannot write to {}: {}. Check that the folder exists and is writable.</source>
        <translation>Kan niet schrijven naar {}: {}. Controleer of de map bestaat en schrijfbaar is.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/save_diagnosis.py" line="104"/>
        <source>Layer &apos;{}&apos; has no features.</source>
        <translation>Laag '{}' heeft geen objecten.</translation>
    </message>
</context>
<context>
    <name>ScoreChart</name>
    <message>
        <location filename="../../ui/score_chart.py" line="122"/>
        <source>no data</source>
        <translation>geen data</translation>
    </message>
    <message>
        <location filename="../../ui/score_chart.py" line="82"/>
        <source>{}: data {}</source>
        <translation>{}: data {}</translation>
    </message>
    <message>
        <location filename="../../ui/score_chart.py" line="76"/>
        <source> (coverage {:.0f} %)</source>
        <translation> (dekking {:.0f} %)</translation>
    </message>
    <message>
        <location filename="../../ui/score_chart.py" line="84"/>
        <source>, stakeholders {:.1f}</source>
        <translation>, stakeholders {:.1f}</translation>
    </message>
    <message>
        <location filename="../../ui/score_chart.py" line="86"/>
        <source> - diverges by {:+.1f} points</source>
        <translation> - wijkt {:+.1f} punten af</translation>
    </message>
</context>
<context>
    <name>ScoreTransitions</name>
    <message>
        <location filename="../../processing/algorithms/score_transitions.py" line="54"/>
        <source>Score transitions (koploper and meelopers)</source>
        <translation>Transities scoren (koploper en meelopers)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/score_transitions.py" line="85"/>
        <source>Diagnosed wijken</source>
        <translation>Gediagnosticeerde wijken</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/score_transitions.py" line="94"/>
        <source>Profile: {} ({})</source>
        <translation>Profiel: {} ({})</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/score_transitions.py" line="99"/>
        <source>Layer &apos;{}&apos; has no features; nothing to score.</source>
        <translation>Laag '{}' heeft geen objecten; er valt niets te scoren.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/score_transitions.py" line="116"/>
        <source>{} from CBS field {}</source>
        <translation>{} uit CBS-veld {}</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/score_transitions.py" line="125"/>
        <source>{}: left out for {} wijken where it was measured on less than {:g} % of the wijk ({}); lower normalisation.min_data_coverage to keep it.</source>
        <translation>{}: weggelaten voor {} wijken waar het op minder dan {:g} % van de wijk is gemeten ({}); verlaag normalisation.min_data_coverage om het te behouden.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/score_transitions.py" line="160"/>
        <source>Koploper per wijk: {}</source>
        <translation>Koploper per wijk: {}</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/score_transitions.py" line="57"/>
        <source>Scores the urgency (0-100, higher is more urgent) of the six transitions (energie, klimaatadaptatie, natuurinclusiviteit, mobiliteit, verstedelijking, sociaaleconomisch) for every wijk, from the indicator fields (ind_*) written by the indicator algorithms and from CBS kerncijfers fields, which are recognised automatically for every year of the wijk- en buurtkaart (WK_CODE, G_GAS_WON, ... or the newer lower-case names); CBS secrecy codes such as -99997 count as missing.

Adds score_&lt;transition&gt;, dekking_&lt;transition&gt; (share of the weight that had data), koploper (most urgent transition), meelopers (the followers), zekerheid (how often the koploper stays koploper when weights and inputs vary within their uncertainty, in %), profiel, profiel_pad and profiel_hash (the profile&apos;s name, file and a hash of its content, so the dock can tell whether it is still the same), herkomst (per indicator: source, field and year) and urgentie (per indicator: the urgency 0-100 it counted with, null where it was left out). Zekerheid counts what is not measured: a missing indicator is drawn from its national distribution (or uniform 0-100). Also adds koploper_status (vastgesteld, voorlopig or onvoldoende gegevens, by the profile&apos;s [status] rules), niet_gemeten (the transitions without any counted indicator), waarom (JSON: the runner-up, the lead, the indicators that make it and the smallest change that would make another transition koploper), kalibratie (the national calibration the references came from, empty when set by hand) and min_dekking (the minimum data coverage in % an indicator needed to count).

The profile (TOML) sets the weights, reference values and tie rules; leave it empty for the shipped default profile.</source>
        <translation>Scoort per wijk de urgentie (0-100, hoger is urgenter) van de zes transities (energie, klimaatadaptatie, natuurinclusiviteit, mobiliteit, verstedelijking, sociaaleconomisch), uit de indicatorvelden (ind_*) die de indicatoralgoritmen schrijven en uit velden van de CBS-kerncijfers, die voor elk jaar van de wijk- en buurtkaart automatisch worden herkend (WK_CODE, G_GAS_WON, ... of de nieuwere namen in kleine letters); CBS-geheimhoudingscodes zoals -99997 tellen als ontbrekend.

Voegt toe: score_&lt;transition&gt;, dekking_&lt;transition&gt; (het deel van het gewicht waarvoor data was), koploper (de meest urgente transitie), meelopers (de volgers), zekerheid (hoe vaak de koploper koploper blijft als gewichten en invoer binnen hun onzekerheid variëren, in %), profiel, profiel_pad en profiel_hash (naam, bestand en een hash van de inhoud van het profiel, zodat het paneel kan nagaan of het nog hetzelfde is), herkomst (per indicator: bron, veld en jaar) en urgentie (per indicator: de urgentie 0-100 waarmee die meetelde, null waar die buiten beschouwing bleef). Zekerheid telt mee wat niet gemeten is: een ontbrekende indicator wordt getrokken uit zijn landelijke verdeling (of uniform 0-100). Voegt ook toe: koploper_status (vastgesteld, voorlopig of onvoldoende gegevens, volgens de regels in [status] van het profiel), niet_gemeten (de transities zonder enige meetellende indicator), waarom (JSON: de tweede transitie, de voorsprong, de indicatoren die die voorsprong maken en de kleinste verandering die een andere transitie koploper zou maken), kalibratie (de landelijke kalibratie waar de referentiewaarden uit komen, leeg als ze met de hand zijn gezet) en min_dekking (de minimale datadekking in % die een indicator nodig had om mee te tellen).

Het profiel (TOML) legt de gewichten, referentiewaarden en beslisregels bij gelijke stand vast; laat het leeg voor het meegeleverde standaardprofiel.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/score_transitions.py" line="162"/>
        <source>Koploper status per wijk: {}</source>
        <translation>Status van de koploper per wijk: {}</translation>
    </message>
</context>
<context>
    <name>ScoresPanel</name>
    <message>
        <location filename="../../ui/panels/scores.py" line="52"/>
        <source>Meelopers: {}</source>
        <translation>Meelopers: {}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/scores.py" line="52"/>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <location filename="../../ui/panels/scores.py" line="63"/>
        <source>Data and stakeholders diverge on: {}</source>
        <translation>Data en stakeholders lopen uiteen bij: {}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/scores.py" line="68"/>
        <source>Profile: {}</source>
        <translation>Profiel: {}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/scores.py" line="21"/>
        <source>Why this koploper</source>
        <translation>Waarom deze koploper</translation>
    </message>
    <message>
        <location filename="../../ui/panels/scores.py" line="24"/>
        <source>Indicator</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../ui/panels/scores.py" line="24"/>
        <source>Points of the lead</source>
        <translation>Punten van de voorsprong</translation>
    </message>
    <message>
        <location filename="../../ui/panels/scores.py" line="29"/>
        <source>Solid bar: data score 0-100 (fainter where less of the transition&apos;s indicators had data). Hatched bar: stakeholder score. Red: they differ by {:.0f} points or more. A transition without any indicator that counted is named as not measured, with its coverage.</source>
        <translation>Volle balk: datascore 0-100 (lichter waar minder indicatoren van de transitie data hadden). Gearceerde balk: stakeholderscore. Rood: ze verschillen {:.0f} punten of meer. Een transitie zonder indicator die meetelde staat er als niet gemeten, met haar dekking.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/scores.py" line="85"/>
        <source>Smallest change that tips it: {}</source>
        <translation>Kleinste verandering die de koploper doet omslaan: {}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/scores.py" line="56"/>
        <source>With the stakeholder scores (weight {:.2f}) {} would lead; the zekerheid and status hold for the data only</source>
        <translation>Met de stakeholderscores (gewicht {:.2f}) zou {} voorop liggen; zekerheid en status gelden alleen voor de data</translation>
    </message>
</context>
<context>
    <name>SpatialClaims</name>
    <message>
        <location filename="../../processing/algorithms/spatial_claims.py" line="31"/>
        <source>Space claims against capacity</source>
        <translation>Ruimteclaims tegenover capaciteit</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/spatial_claims.py" line="34"/>
        <source>Sets the space that each transition&apos;s solutions claim (heat networks, separate sewers, trees, wadis, charging points, PV, green roofs ...) against the space in each wijk, in three layers: ondergrond, maaiveld and daken. The claims grow with the urgency scores, so run &apos;Score transitions&apos; first.

Capacity: ondergrond = street space (road polygons such as BGT wegdeel, or road lines buffered by a width per OSM highway class or a width field) minus the existing cables and pipes inside it; maaiveld = the wijk without buildings, water and private yards (BGT erf); dak = ind_dak_bruikbaar (run &apos;Roof areas&apos;) or the roofs of the buildings. Dwellings and inhabitants come from the CBS fields, the sealed area from ind_verhard or the land cover.

A wijk covered by an input layer on less than the minimum coverage gets no figure from it (unknown is never zero). The profile&apos;s [claims] table holds the building blocks; docs/claims.md explains the numbers.

Outputs: the wijken with claim_, cap_, druk_, conflict_ and onbekend_ fields per layer, claim_&lt;layer&gt;_&lt;transition&gt; and the measured space; a table per wijk and building block; and a claim map with one feature per wijk and layer, styled by pressure (claim / capacity).</source>
        <translation>Zet de ruimte die de oplossingen van elke transitie claimen (warmtenetten, gescheiden riolering, bomen, wadi's, laadpunten, PV, groene daken ...) af tegen de ruimte in elke wijk, in drie lagen: ondergrond, maaiveld en daken. De claims groeien mee met de urgentiescores, dus voer eerst 'Transities scoren' uit.

Capaciteit: ondergrond = straatruimte (wegpolygonen zoals BGT wegdeel, of weglijnen gebufferd met een breedte per OSM-wegklasse (highway) of uit een breedteveld) min de bestaande kabels en leidingen daarin; maaiveld = de wijk zonder gebouwen, water en particuliere erven (BGT erf); dak = ind_dak_bruikbaar (voer 'Dakoppervlakken' uit) of de daken van de gebouwen. Woningen en inwoners komen uit de CBS-velden, het verharde oppervlak uit ind_verhard of uit de bodembedekking.

Een wijk die door een invoerlaag voor minder dan de minimale dekking wordt gedekt, krijgt daaruit geen getal (onbekend is nooit nul). De tabel [claims] van het profiel bevat de bouwstenen; docs/claims.md legt de getallen uit.

Uitvoer: de wijken met per laag de velden claim_, cap_, druk_, conflict_ en onbekend_, claim_&lt;layer&gt;_&lt;transition&gt; en de gemeten ruimte; een tabel per wijk en bouwsteen; en een claimkaart met één object per wijk en laag, gestileerd naar druk (claim / capaciteit).</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/spatial_claims.py" line="56"/>
        <source>Buildings (polygons); optional when ind_dak_bruikbaar is present</source>
        <translation>Gebouwen (polygonen); optioneel als ind_dak_bruikbaar aanwezig is</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/spatial_claims.py" line="67"/>
        <source>Minimum coverage of a wijk by each layer (%); empty: the profile&apos;s</source>
        <translation>Minimale dekking van een wijk door elke laag (%); leeg: die van het profiel</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/spatial_claims.py" line="79"/>
        <source>Wijken with space claims</source>
        <translation>Wijken met ruimteclaims</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/spatial_claims.py" line="82"/>
        <source>Claims per building block (table)</source>
        <translation>Claims per bouwsteen (tabel)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/spatial_claims.py" line="87"/>
        <source>Claim map (pressure per wijk and layer)</source>
        <translation>Claimkaart (druk per wijk en laag)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/spatial_claims.py" line="103"/>
        <source>Layer &apos;{}&apos; has none of the score fields {}; run Score transitions first.</source>
        <translation>Laag '{}' heeft geen van de scorevelden {}; voer eerst 'Transities scoren' uit.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/spatial_claims.py" line="138"/>
        <source>{}: {}</source>
        <translation>{}: {}</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/spatial_claims.py" line="165"/>
        <source>Layers in conflict: {} of {} (wijk x layer)</source>
        <translation>Lagen in conflict: {} van {} (wijk x laag)</translation>
    </message>
</context>
<context>
    <name>StakeholdersPanel</name>
    <message>
        <location filename="../../ui/panels/stakeholders.py" line="57"/>
        <source>Enter the stakeholders&apos; score (0-100) per transition for this wijk, or load a CSV file. Leave a cell empty for &apos;not scored&apos;.</source>
        <translation>Vul per transitie de score (0-100) van de stakeholders voor deze wijk in, of laad een CSV-bestand. Laat een cel leeg voor 'niet gescoord'.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/stakeholders.py" line="65"/>
        <source>Transition</source>
        <translation>Transitie</translation>
    </message>
    <message>
        <location filename="../../ui/panels/stakeholders.py" line="65"/>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <location filename="../../ui/panels/stakeholders.py" line="65"/>
        <source>Stakeholders</source>
        <translation>Stakeholders</translation>
    </message>
    <message>
        <location filename="../../ui/panels/stakeholders.py" line="65"/>
        <source>Difference</source>
        <translation>Verschil</translation>
    </message>
    <message>
        <location filename="../../ui/panels/stakeholders.py" line="72"/>
        <source>Stakeholder weight</source>
        <translation>Gewicht stakeholders</translation>
    </message>
    <message>
        <location filename="../../ui/panels/stakeholders.py" line="77"/>
        <source>Share of the stakeholders in the combined score: 0 = data only</source>
        <translation>Aandeel van de stakeholders in de gecombineerde score: 0 = alleen data</translation>
    </message>
    <message>
        <location filename="../../ui/panels/stakeholders.py" line="83"/>
        <source>Load CSV…</source>
        <translation>CSV laden…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/stakeholders.py" line="84"/>
        <source>Columns wijk, stakeholder and either transition + score, or score_&lt;transition&gt;</source>
        <translation>Kolommen wijk, stakeholder en ofwel transition + score, ofwel score_&lt;transition&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/panels/stakeholders.py" line="110"/>
        <source>From the layer; type a score to override it</source>
        <translation>Uit de laag; typ een score om die te overschrijven</translation>
    </message>
    <message>
        <location filename="../../ui/panels/stakeholders.py" line="115"/>
        <source>Stakeholders score {:+.1f} points against the data: diverges by {:.0f} points or more. Is every opgave in view?</source>
        <translation>Stakeholders scoren {:+.1f} punten ten opzichte van de data: een afwijking van {:.0f} punten of meer. Is elke opgave in beeld?</translation>
    </message>
    <message>
        <location filename="../../ui/panels/stakeholders.py" line="133"/>
        <source>&apos;{}&apos; is not a score; give a number from 0 to 100.</source>
        <translation>'{}' is geen score; geef een getal van 0 tot en met 100.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/stakeholders.py" line="142"/>
        <source>Stakeholder scores</source>
        <translation>Stakeholderscores</translation>
    </message>
    <message>
        <location filename="../../ui/panels/stakeholders.py" line="142"/>
        <source>CSV files (*.csv *.txt)</source>
        <translation>CSV-bestanden (*.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/stakeholders.py" line="155"/>
        <source>Loaded scores for {} wijken from {}.</source>
        <translation>Scores voor {} wijken geladen uit {}.</translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <location filename="../../ui/panels/timeline.py" line="21"/>
        <source>This layer has no timeline. Run &apos;Aanleidingen and koppelkansen&apos; with the maintenance plans (riool, wegen, gasnet, renovatie) on it.</source>
        <translation>Deze laag heeft geen tijdlijn. Voer er 'Aanleidingen en koppelkansen' op uit met de onderhoudsplannen (riool, wegen, gasnet, renovatie).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/timeline.py" line="28"/>
        <source>First aanleiding: {}; koppelkansen: {}</source>
        <translation>Eerste aanleiding: {}; koppelkansen: {}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/timeline.py" line="34"/>
        <source>Aanleiding</source>
        <translation>Aanleiding</translation>
    </message>
    <message>
        <location filename="../../ui/panels/timeline.py" line="34"/>
        <source>Koppelkans</source>
        <translation>Koppelkans</translation>
    </message>
</context>
<context>
    <name>TransitCoverage</name>
    <message>
        <location filename="../../processing/algorithms/transit_coverage.py" line="25"/>
        <source>Public transport coverage</source>
        <translation>OV-dekking</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/transit_coverage.py" line="28"/>
        <source>Share of each wijk&apos;s addresses within straight-line reach of a public transport stop, per mode and overall (PBL OV-beschikbaarheid): bus/tram 500 m, metro/sneltram 1000 m, train 2000 m, Intercity 3000 m; the planning profile uses 400/800/1200 m.

The mode of a stop comes from the mode field (values such as bus, tram, metro, trein, ic) or else from the OSM tags (highway, railway, public_transport, other_tags). The basis is the address points (weighted by dwellings when given), else building centroids, else the area itself; ov_basis says which was used and ov_profiel which distances.

Adds ind_ov_dekking, ind_ov_bus, ind_ov_tram, ind_ov_metro, ind_ov_trein, ind_ov_ic (%), dek_ov (% of the wijk the basis layer covers), ov_basis and ov_profiel.</source>
        <translation>Aandeel van de adressen van elke wijk dat hemelsbreed binnen bereik van een ov-halte ligt, per modaliteit en in totaal (PBL OV-beschikbaarheid): bus/tram 500 m, metro/sneltram 1000 m, trein 2000 m, intercity 3000 m; het planningsprofiel gebruikt 400/800/1200 m.

De modaliteit van een halte komt uit het veld met de modaliteit (waarden zoals bus, tram, metro, trein, ic) of anders uit de OSM-tags (highway, railway, public_transport, other_tags). De basis zijn de adrespunten (gewogen naar woningen als die zijn opgegeven), anders de zwaartepunten van de gebouwen, anders het oppervlak zelf; ov_basis zegt welke basis is gebruikt en ov_profiel welke afstanden.

Voegt ind_ov_dekking, ind_ov_bus, ind_ov_tram, ind_ov_metro, ind_ov_trein, ind_ov_ic (%), dek_ov (% van de wijk dat de basislaag dekt), ov_basis en ov_profiel toe.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/transit_coverage.py" line="42"/>
        <source>Stops (points)</source>
        <translation>Haltes (punten)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/transit_coverage.py" line="47"/>
        <source>Mode field (empty: read OSM tags)</source>
        <translation>Veld met de modaliteit (leeg: OSM-tags lezen)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/transit_coverage.py" line="55"/>
        <source>Distances</source>
        <translation>Afstanden</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/transit_coverage.py" line="55"/>
        <source>PBL OV-beschikbaarheid (500/1000/2000/3000 m)</source>
        <translation>PBL OV-beschikbaarheid (500/1000/2000/3000 m)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/transit_coverage.py" line="55"/>
        <source>Planning (400/800/1200 m)</source>
        <translation>Planningsprofiel (400/800/1200 m)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/transit_coverage.py" line="64"/>
        <source>Addresses (points)</source>
        <translation>Adressen (punten)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/transit_coverage.py" line="69"/>
        <source>Dwellings per address (weight)</source>
        <translation>Woningen per adres (gewicht)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/transit_coverage.py" line="78"/>
        <source>Buildings (polygons; used when there are no addresses)</source>
        <translation>Gebouwen (polygonen; gebruikt als er geen adressen zijn)</translation>
    </message>
</context>
<context>
    <name>TreeCanopy</name>
    <message>
        <location filename="../../processing/algorithms/tree_canopy.py" line="17"/>
        <source>Tree canopy share</source>
        <translation>Aandeel boomkroon</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/tree_canopy.py" line="30"/>
        <source>Vegetation height raster (m)</source>
        <translation>Raster met de vegetatiehoogte (m)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/tree_canopy.py" line="33"/>
        <source>Canopy: higher than (m)</source>
        <translation>Boomkroon: hoger dan (m)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/tree_canopy.py" line="20"/>
        <source>Share of each wijk covered by tree canopy, from a vegetation-height raster (m above ground, e.g. AHN DSM minus DTM on vegetation points). Cells higher than the minimum height (default 2.5 m) count as canopy.

Adds ind_boomkroon (% of the wijk; the 3-30-300 rule asks 30 %) and dek_boom (% of the wijk the raster covers). The raster is read in blocks; cells outside -5 to 60 m (an undeclared nodata such as -9999) are left out and counted in the log.</source>
        <translation>Aandeel van elke wijk dat door boomkronen wordt bedekt, uit een raster met de vegetatiehoogte (m boven maaiveld, bijv. AHN DSM min DTM op vegetatiepunten). Cellen hoger dan de minimale hoogte (standaard 2,5 m) tellen als boomkroon.

Voegt ind_boomkroon (% van de wijk; de 3-30-300-regel vraagt 30 %) en dek_boom (% van de wijk dat het raster dekt) toe. Het raster wordt in blokken gelezen; cellen buiten -5 tot 60 m (een niet opgegeven nodata-waarde zoals -9999) tellen niet mee en worden in het log geteld.</translation>
    </message>
</context>
<context>
    <name>WijkdiagnoseAlgorithm</name>
    <message>
        <location filename="../../processing/algorithm.py" line="43"/>
        <source>Indicators</source>
        <translation>Indicatoren</translation>
    </message>
    <message>
        <location filename="../../processing/algorithm.py" line="44"/>
        <source>Diagnosis</source>
        <translation>Diagnose</translation>
    </message>
    <message>
        <location filename="../../processing/algorithm.py" line="45"/>
        <source>Output</source>
        <translation>Uitvoer</translation>
    </message>
    <message>
        <location filename="../../processing/algorithm.py" line="126"/>
        <source>Diagnosed wijken (with score_* fields)</source>
        <translation>Gediagnosticeerde wijken (met score_*-velden)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithm.py" line="146"/>
        <source>Profile (TOML); empty for the default profile</source>
        <translation>Profiel (TOML); leeg voor het standaardprofiel</translation>
    </message>
    <message>
        <location filename="../../processing/algorithm.py" line="103"/>
        <source>&apos;{}&apos; cannot run: {}. Install: {}</source>
        <translation>'{}' kan niet draaien: {}. Installeren: {}</translation>
    </message>
    <message>
        <location filename="../../processing/algorithm.py" line="182"/>
        <source>Unexpected error in {}: {}: {}</source>
        <translation>Onverwachte fout in {}: {}: {}</translation>
    </message>
    <message>
        <location filename="../../processing/algorithm.py" line="187"/>
        <source>{} failed on input &apos;{}&apos; ({}): it could not be read; no output was written. Check that the file is what the parameter asks for; if it is, please report this with the log (Processing &gt; History).</source>
        <translation>{} is mislukt op invoer '{}' ({}): die kon niet worden gelezen; er is geen uitvoer geschreven. Controleer of het bestand is wat de parameter vraagt; is dat zo, meld dit dan met het log (Processing &gt; Geschiedenis).</translation>
    </message>
    <message>
        <location filename="../../processing/algorithm.py" line="192"/>
        <source>{} failed unexpectedly; no output was written. Please report this with the log (Processing &gt; History) and, if you can, the input files.</source>
        <translation>{} is onverwacht mislukt; er is geen uitvoer geschreven. Meld dit alstublieft met het log (Processing &gt; Geschiedenis) en, als het kan, de invoerbestanden.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithm.py" line="279"/>
        <source>Layer &apos;{}&apos; holds the diagnosis with field names cut to 10 characters (e.g. &apos;{}&apos; for &apos;{}&apos;), as a Shapefile stores them; save the output of Score transitions as GeoPackage and use that layer.</source>
        <translation>Laag '{}' bevat de diagnose met veldnamen ingekort tot 10 tekens (bijv. '{}' voor '{}'), zoals een Shapefile ze opslaat; sla de uitvoer van Transities scoren op als GeoPackage en gebruik die laag.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithm.py" line="225"/>
        <source>Layer &apos;{}&apos; has no features.</source>
        <translation>Laag '{}' heeft geen objecten.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithm.py" line="170"/>
        <source>{} was cancelled; nothing was written.</source>
        <translation>{} is geannuleerd; er is niets geschreven.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithm.py" line="133"/>
        <source>Wijk (or buurt) code field; empty to find the CBS field (BU_CODE, buurtcode, else WK_CODE, wijkcode)</source>
        <translation>Veld met de wijk- (of buurt)code; leeg om het CBS-veld te zoeken (BU_CODE, buurtcode, anders WK_CODE, wijkcode)</translation>
    </message>
</context>
<context>
    <name>WijkdiagnoseDock</name>
    <message>
        <location filename="../../ui/dock.py" line="88"/>
        <source>Wijkdiagnose</source>
        <translation>Wijkdiagnose</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="122"/>
        <source>Diagnosed wijk layer the dock follows</source>
        <translation>Gediagnosticeerde wijkenlaag die het paneel volgt</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="124"/>
        <source>Vergelijk</source>
        <translation>Vergelijk</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="126"/>
        <source>Compare up to {} selected or pinned wijken side by side</source>
        <translation>Tot {} geselecteerde of vastgezette wijken naast elkaar vergelijken</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="131"/>
        <source>Pin</source>
        <translation>Vastzetten</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="133"/>
        <source>Keep this wijk in the comparison</source>
        <translation>Deze wijk in de vergelijking houden</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="187"/>
        <source>Run 'Score transitions'…</source>
        <translation>'Transities scoren' uitvoeren…</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="203"/>
        <source>Scores</source>
        <translation>Scores</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="204"/>
        <source>Indicatoren</source>
        <translation>Indicatoren</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="205"/>
        <source>Ruimteclaims</source>
        <translation>Ruimteclaims</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="206"/>
        <source>Tijdlijn</source>
        <translation>Tijdlijn</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="207"/>
        <source>Stakeholders</source>
        <translation>Stakeholders</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="310"/>
        <source>No diagnosed wijk layer in this project. Run &apos;Score transitions&apos; first on a polygon layer of wijken (with CBS or indicator fields).</source>
        <translation>Geen gediagnosticeerde wijkenlaag in dit project. Voer eerst 'Transities scoren' uit op een polygoonlaag met wijken (met CBS- of indicatorvelden).</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="327"/>
        <source>Select one or more wijken on the map in layer &apos;{}&apos;.</source>
        <translation>Selecteer een of meer wijken op de kaart in laag '{}'.</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="339"/>
        <source>Comparing {} wijken ({} selected, {} pinned).</source>
        <translation>{} wijken in de vergelijking ({} geselecteerd, {} vastgezet).</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="348"/>
        <source>- {} wijken selected, showing the first; use Vergelijk to compare them.</source>
        <translation>- {} wijken geselecteerd, de eerste wordt getoond; gebruik Vergelijk om ze te vergelijken.</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="168"/>
        <source>1. Diagnose all wijken of a gemeente in one go: pick it from the CBS list and Wijkdiagnose fetches its kerncijfers and scores the transitions.</source>
        <translation>1. Diagnosticeer alle wijken van een gemeente in één keer: kies de gemeente uit de CBS-lijst, dan haalt Wijkdiagnose de kerncijfers op en scoort de transities.</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="174"/>
        <source>Gemeente ophalen…</source>
        <translation>Gemeente ophalen…</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="178"/>
        <source>2. Or run &apos;Score transitions&apos; on a polygon layer of your own wijken (with CBS or indicator fields).</source>
        <translation>2. Of voer 'Transities scoren' uit op een polygoonlaag met eigen wijken (met CBS- of indicatorvelden).</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="310"/>
        <source>No diagnosed wijk layer in this project yet. Start in one of two ways:</source>
        <translation>Nog geen gediagnosticeerde wijkenlaag in dit project. Begin op een van twee manieren:</translation>
    </message>
</context>
<context>
    <name>WijkdiagnosePlugin</name>
    <message>
        <location filename="../../plugin.py" line="74"/>
        <source>Score transitions…</source>
        <translation>Transities scoren…</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="102"/>
        <source>Wijkdiagnose dock</source>
        <translation>Wijkdiagnose-paneel</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="33"/>
        <source>Wijkdiagnose cannot start: {}. Install: {}</source>
        <translation>Wijkdiagnose kan niet starten: {}. Installeren: {}</translation>
    </message>
</context>
<context>
    <name>WijkdiagnoseProvider</name>
    <message>
        <location filename="../../processing/provider.py" line="65"/>
        <source>Wijkdiagnose — integrale wijkaanpak</source>
        <translation>Wijkdiagnose — integrale wijkaanpak</translation>
    </message>
</context>
<context>
    <name>adapter</name>
    <message>
        <location filename="../../processing/destinations.py" line="120"/>
        <source>Output &apos;{}&apos; would write into input file &apos;{}&apos; (input &apos;{}&apos;): that can replace the file and lose the layers it holds. Choose another file for the output.</source>
        <translation>Uitvoer '{}' zou in invoerbestand '{}' schrijven (invoer '{}'): dan kan het bestand worden vervangen en gaan de lagen erin verloren. Kies een ander bestand voor de uitvoer.</translation>
    </message>
    <message>
        <location filename="../../processing/destinations.py" line="129"/>
        <source>Output &apos;{}&apos;: &apos;{}&apos; is not a destination QGIS can write. To add a layer to a GeoPackage, write ogr:dbname=&apos;{}&apos; table=&quot;{}&quot; (geom).</source>
        <translation>Uitvoer '{}': '{}' is geen bestemming die QGIS kan schrijven. Schrijf ogr:dbname='{}' table=&quot;{}&quot; (geom) om een laag aan een GeoPackage toe te voegen.</translation>
    </message>
    <message>
        <location filename="../../processing/destinations.py" line="139"/>
        <source>Outputs &apos;{}&apos; and &apos;{}&apos; would both write &apos;{}&apos;, and the second would replace the first. Give each output its own file, or its own layer (ogr:dbname=&apos;{}&apos; table=&quot;name&quot; (geom)).</source>
        <translation>Uitvoer '{}' en '{}' zouden allebei '{}' schrijven, en de tweede zou de eerste vervangen. Geef elke uitvoer een eigen bestand, of een eigen laag (ogr:dbname='{}' table=&quot;name&quot; (geom)).</translation>
    </message>
    <message>
        <location filename="../../processing/destinations.py" line="152"/>
        <source>Output &apos;{}&apos; is a table without geometry, which FlatGeobuf cannot hold (the file would stay empty). Choose GeoPackage, GeoJSON or CSV for it.</source>
        <translation>Uitvoer '{}' is een tabel zonder geometrie, en die kan FlatGeobuf niet bevatten (het bestand zou leeg blijven). Kies er GeoPackage, GeoJSON of CSV voor.</translation>
    </message>
    <message>
        <location filename="../../processing/destinations.py" line="165"/>
        <source>Output &apos;{}&apos;: &apos;{}&apos; is a file, not a folder. Choose another folder.</source>
        <translation>Uitvoer '{}': '{}' is een bestand, geen map. Kies een andere map.</translation>
    </message>
    <message>
        <location filename="../../processing/destinations.py" line="172"/>
        <source>Output &apos;{}&apos;: folder &apos;{}&apos; does not exist. Create it or choose another folder.</source>
        <translation>Uitvoer '{}': map '{}' bestaat niet. Maak die aan of kies een andere map.</translation>
    </message>
    <message>
        <location filename="../../processing/destinations.py" line="180"/>
        <source>Output &apos;{}&apos;: &apos;{}&apos; may not be written (no permission). Choose another folder.</source>
        <translation>Uitvoer '{}': '{}' mag niet worden geschreven (geen rechten). Kies een andere map.</translation>
    </message>
    <message>
        <location filename="../../processing/sinks.py" line="97"/>
        <source>Could not remove the partial output &apos;{}&apos; ({}); delete it by hand.</source>
        <translation>De gedeeltelijke uitvoer '{}' kon niet worden verwijderd ({}); verwijder die zelf.</translation>
    </message>
    <message>
        <location filename="../../processing/sinks.py" line="281"/>
        <source>Output &apos;{}&apos; is a Shapefile, whose text fields hold at most 254 characters: {} value(s) of field &apos;{}&apos; were cut. Save the output as GeoPackage to keep them whole.</source>
        <translation>Uitvoer '{}' is een Shapefile, waarvan tekstvelden hoogstens 254 tekens bevatten: {} waarde(n) van veld '{}' zijn afgekapt. Sla de uitvoer op als GeoPackage om ze heel te houden.</translation>
    </message>
    <message>
        <location filename="../../processing/sinks.py" line="301"/>
        <source>Output &apos;{}&apos; is a Shapefile, whose field names hold at most 10 characters: {} field(s) were renamed ({}). Later Wijkdiagnose steps look for the full names: save a layer you pass on as GeoPackage.</source>
        <translation>Uitvoer '{}' is een Shapefile, waarvan veldnamen hoogstens 10 tekens hebben: {} veld(en) zijn hernoemd ({}). Latere Wijkdiagnose-stappen zoeken de volledige namen: sla een laag die u doorgeeft op als GeoPackage.</translation>
    </message>
    <message>
        <location filename="../../processing/sinks.py" line="354"/>
        <source>the file cannot be opened for writing</source>
        <translation>het bestand kan niet worden geopend om te schrijven</translation>
    </message>
    <message>
        <location filename="../../processing/sinks.py" line="189"/>
        <source>Could not write the raster &apos;{}&apos; ({}).</source>
        <translation>Kon het raster '{}' niet schrijven ({}).</translation>
    </message>
</context>
<context>
    <name>area</name>
    <message>
        <location filename="../../processing/national/area.py" line="79"/>
        <source>CBS kwb {} has no polygon of gemeente {}; check the code.</source>
        <translation>CBS kwb {} heeft geen polygoon van gemeente {}; controleer de code.</translation>
    </message>
    <message>
        <location filename="../../processing/national/area.py" line="68"/>
        <source>Give one gemeente (a code such as GM0503 or a name) or an extent; &apos;{}&apos; names {}.</source>
        <translation>Geef één gemeente (een code zoals GM0503 of een naam) of een extent; '{}' noemt er {}.</translation>
    </message>
</context>
<context>
    <name>bgt</name>
    <message>
        <location filename="../../processing/national/bgt.py" line="72"/>
        <source>BGT: seconds between two status polls of a download job</source>
        <translation>BGT: seconden tussen twee statusvragen van een downloadopdracht</translation>
    </message>
    <message>
        <location filename="../../processing/national/bgt.py" line="151"/>
        <source>The BGT download API at {url} started no job for tile {tile} (no downloadRequestId or status link in its answer). Check the service address (parameter BGT_URL or QGIS setting wijkdiagnose/bgt_url).</source>
        <translation>De BGT-download-API op {url} is voor tegel {tile} geen opdracht gestart (geen downloadRequestId of statuslink in het antwoord). Controleer het service-adres (parameter BGT_URL of QGIS-instelling wijkdiagnose/bgt_url).</translation>
    </message>
    <message>
        <location filename="../../processing/national/bgt.py" line="175"/>
        <source>The BGT download job of tile {tile} ended with status &apos;{status}&apos; ({url}). Run the fetch again later: the tiles that finished are kept; if it fails again, choose smaller tiles (TILE_SIZE).</source>
        <translation>De BGT-downloadopdracht van tegel {tile} eindigde met status '{status}' ({url}). Haal de gegevens later opnieuw op: de tegels die klaar zijn, blijven bewaard; mislukt het weer, kies dan kleinere tegels (TILE_SIZE).</translation>
    </message>
    <message>
        <location filename="../../processing/national/bgt.py" line="187"/>
        <source>The BGT download job of tile {tile} did not finish within {minutes:g} minutes ({url}). Run the fetch again later: the tiles that finished are kept.</source>
        <translation>De BGT-downloadopdracht van tegel {tile} was niet binnen {minutes:g} minuten klaar ({url}). Haal de gegevens later opnieuw op: de tegels die klaar zijn, blijven bewaard.</translation>
    </message>
    <message>
        <location filename="../../processing/national/bgt.py" line="211"/>
        <source>BGT tile {tile}: {kept} objects ({types}); left out: {ended} no longer valid (eindRegistratie), {status} not &apos;bestaand&apos;, {empty} without a polygon, {twice} given by a neighbouring tile already.</source>
        <translation>BGT-tegel {tile}: {kept} objecten ({types}); weggelaten: {ended} niet meer geldig (eindRegistratie), {status} niet 'bestaand', {empty} zonder polygoon, {twice} al geleverd door een buurtegel.</translation>
    </message>
    <message>
        <location filename="../../processing/national/bgt.py" line="228"/>
        <source>BGT tile {tile}: the download holds no GML of {types}; those types are empty there.</source>
        <translation>BGT-tegel {tile}: de download bevat geen GML van {types}; die typen zijn daar leeg.</translation>
    </message>
</context>
<context>
    <name>claims_units</name>
    <message>
        <location filename="../../processing/claims_units.py" line="152"/>
        <source>Unplaced in wijk {}, building block {}: {:.3f} m² (on none of the {})</source>
        <translation>Niet geplaatst in wijk {}, bouwsteen {}: {:.3f} m² (op geen van de {})</translation>
    </message>
    <message>
        <location filename="../../processing/claims_units.py" line="160"/>
        <source>{} in conflict: {} of {}</source>
        <translation>{} in conflict: {} van {}</translation>
    </message>
</context>
<context>
    <name>dependencies</name>
    <message>
        <location filename="../../dependencies.py" line="87"/>
        <source>{} is not installed</source>
        <translation>{} is niet geïnstalleerd</translation>
    </message>
    <message>
        <location filename="../../dependencies.py" line="88"/>
        <source>{} {} is too old (needs {})</source>
        <translation>{} {} is te oud (nodig: {})</translation>
    </message>
    <message>
        <location filename="../../dependencies.py" line="89"/>
        <source>in the OSGeo4W Shell (Start menu, beside QGIS): python -m pip install {}</source>
        <translation>in de OSGeo4W Shell (startmenu, naast QGIS): python -m pip install {}</translation>
    </message>
    <message>
        <location filename="../../dependencies.py" line="92"/>
        <source>OSGeo4W Setup, Advanced Install, packages {}; or {}</source>
        <translation>OSGeo4W Setup, Advanced Install, pakketten {}; of {}</translation>
    </message>
    <message>
        <location filename="../../dependencies.py" line="95"/>
        <source>flatpak run --devel --command=pip3 org.qgis.qgis install --user {}</source>
        <translation>flatpak run --devel --command=pip3 org.qgis.qgis install --user {}</translation>
    </message>
    <message>
        <location filename="../../dependencies.py" line="98"/>
        <source>sudo apt install {}</source>
        <translation>sudo apt install {}</translation>
    </message>
    <message>
        <location filename="../../dependencies.py" line="99"/>
        <source>shapely 2 beside Debian&apos;s packages: python3 -m venv --system-site-packages {0} &amp;&amp; {0}/bin/pip install {2}, then start QGIS with PYTHONPATH={0}/lib/{1}/site-packages qgis</source>
        <translation>shapely 2 naast de Debian-pakketten: python3 -m venv --system-site-packages {0} &amp;&amp; {0}/bin/pip install {2}, start QGIS daarna met PYTHONPATH={0}/lib/{1}/site-packages qgis</translation>
    </message>
    <message>
        <location filename="../../dependencies.py" line="104"/>
        <source>python3 -m pip install --user {} (with the Python that QGIS runs)</source>
        <translation>python3 -m pip install --user {} (met de Python waarmee QGIS draait)</translation>
    </message>
</context>
<context>
    <name>layer_group</name>
    <message>
        <location filename="../../processing/layer_group.py" line="39"/>
        <source>Ruimteclaims</source>
        <translation>Ruimteclaims</translation>
    </message>
    <message>
        <location filename="../../processing/layer_group.py" line="101"/>
        <source>Unknown claims layer &apos;{}&apos;: give {} (or some of them).</source>
        <translation>Onbekende claimlaag '{}': geef {} (of een deel daarvan).</translation>
    </message>
    <message>
        <location filename="../../processing/layer_group.py" line="114"/>
        <source>Layer &apos;{}&apos; is a temporary layer: save it to a file (a GeoPackage) first; a layer definition file only points to the data.</source>
        <translation>Laag '{}' is een tijdelijke laag: sla die eerst op in een bestand (een GeoPackage); een laagdefinitiebestand verwijst alleen naar de gegevens.</translation>
    </message>
    <message>
        <location filename="../../processing/layer_group.py" line="128"/>
        <source>The layer definition file &apos;{}&apos; could not be written: {}</source>
        <translation>Het laagdefinitiebestand '{}' kon niet worden geschreven: {}</translation>
    </message>
</context>
<context>
    <name>map_styles</name>
    <message>
        <location filename="../../processing/map_styles.py" line="53"/>
        <source>Koploper</source>
        <translation>Koploper</translation>
    </message>
    <message>
        <location filename="../../processing/map_styles.py" line="86"/>
        <source>Score {}</source>
        <translation>Score {}</translation>
    </message>
    <message>
        <location filename="../../processing/map_styles.py" line="94"/>
        <source>Zekerheid</source>
        <translation>Zekerheid</translation>
    </message>
    <message>
        <location filename="../../processing/map_styles.py" line="103"/>
        <source>Dekking (mean of the transitions)</source>
        <translation>Dekking (gemiddelde van de transities)</translation>
    </message>
    <message>
        <location filename="../../processing/map_styles.py" line="112"/>
        <source>Koppelkansen</source>
        <translation>Koppelkansen</translation>
    </message>
    <message>
        <location filename="../../processing/map_styles.py" line="122"/>
        <source>Pressure {}</source>
        <translation>Druk {}</translation>
    </message>
    <message>
        <location filename="../../processing/map_styles.py" line="234"/>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <location filename="../../processing/map_styles.py" line="241"/>
        <source>{transition}: score {score}, coverage {coverage} %</source>
        <translation>{transition}: score {score}, dekking {coverage} %</translation>
    </message>
    <message>
        <location filename="../../processing/map_styles.py" line="239"/>
        <source>Meelopers: {meelopers}</source>
        <translation>Meelopers: {meelopers}</translation>
    </message>
    <message>
        <location filename="../../processing/map_styles.py" line="257"/>
        <source>First aanleiding: {year}</source>
        <translation>Eerste aanleiding: {year}</translation>
    </message>
</context>
<context>
    <name>national</name>
    <message>
        <location filename="../../processing/national/ahn.py" line="64"/>
        <source>AHN vegetation height (needs the BGT)</source>
        <translation>AHN-vegetatiehoogte (vraagt de BGT)</translation>
    </message>
    <message>
        <location filename="../../processing/national/ahn.py" line="68"/>
        <source>AHN vegetation height (m)</source>
        <translation>AHN-vegetatiehoogte (m)</translation>
    </message>
    <message>
        <location filename="../../processing/national/bag.py" line="63"/>
        <source>BAG panden and verblijfsobjecten</source>
        <translation>BAG-panden en -verblijfsobjecten</translation>
    </message>
    <message>
        <location filename="../../processing/national/bag.py" line="67"/>
        <source>BAG panden (buildings)</source>
        <translation>BAG-panden</translation>
    </message>
    <message>
        <location filename="../../processing/national/bag.py" line="73"/>
        <source>BAG verblijfsobjecten (addresses)</source>
        <translation>BAG-verblijfsobjecten (adressen)</translation>
    </message>
    <message>
        <location filename="../../processing/national/bgt.py" line="52"/>
        <source>BGT land cover and roads</source>
        <translation>BGT-bodembedekking en wegen</translation>
    </message>
    <message>
        <location filename="../../processing/national/bgt.py" line="56"/>
        <source>BGT land cover</source>
        <translation>BGT-bodembedekking</translation>
    </message>
    <message>
        <location filename="../../processing/national/bgt.py" line="62"/>
        <source>BGT road and sidewalk polygons</source>
        <translation>BGT-wegvlakken en trottoirs</translation>
    </message>
    <message>
        <location filename="../../processing/national/gtfs.py" line="47"/>
        <source>OV stops (GTFS)</source>
        <translation>OV-haltes (GTFS)</translation>
    </message>
    <message>
        <location filename="../../processing/national/gtfs.py" line="51"/>
        <source>OV stops with modes</source>
        <translation>OV-haltes met modaliteiten</translation>
    </message>
    <message>
        <location filename="../../processing/national/heat.py" line="41"/>
        <source>Heat: PET class shares per buurt</source>
        <translation>Hitte: aandelen PET-klassen per buurt</translation>
    </message>
    <message>
        <location filename="../../processing/national/heat.py" line="45"/>
        <source>PET class shares per buurt</source>
        <translation>Aandelen PET-klassen per buurt</translation>
    </message>
    <message>
        <location filename="../../processing/national/leefbaarometer.py" line="47"/>
        <source>Leefbaarometer scores</source>
        <translation>Leefbaarometer-scores</translation>
    </message>
    <message>
        <location filename="../../processing/national/ahn.py" line="77"/>
        <source>AHN resolution (m; 0.5 = as the AHN, 1 = a quarter of the cells)</source>
        <translation>AHN-resolutie (m; 0,5 = als de AHN, 1 = een kwart van de cellen)</translation>
    </message>
    <message>
        <location filename="../../processing/national/ahn.py" line="87"/>
        <source>AHN DSM coverage id</source>
        <translation>AHN DSM-coverage-id</translation>
    </message>
    <message>
        <location filename="../../processing/national/ahn.py" line="90"/>
        <source>AHN DTM coverage id</source>
        <translation>AHN DTM-coverage-id</translation>
    </message>
    <message>
        <location filename="../../processing/national/ahn.py" line="107"/>
        <source>The AHN vegetation height needs the BGT land cover of the same run: switch BGT on, or switch AHN off.</source>
        <translation>De AHN-vegetatiehoogte heeft de BGT-bodembedekking van dezelfde run nodig: zet BGT aan, of zet AHN uit.</translation>
    </message>
    <message>
        <location filename="../../processing/national/ahn.py" line="121"/>
        <source>AHN: {} tiles of {:g} m at {:g} m ({} and {}).</source>
        <translation>AHN: {} tegels van {:g} m bij {:g} m ({} en {}).</translation>
    </message>
    <message>
        <location filename="../../processing/national/ahn.py" line="149"/>
        <source>The AHN service answered {url} with {reason}, not with a GeoTIFF of {width} x {height} cells. Check the service address and the coverage ids (advanced parameters), or try again later; the tiles already fetched are kept.</source>
        <translation>De AHN-service beantwoordde {url} met {reason}, niet met een GeoTIFF van {width} x {height} cellen. Controleer het service-adres en de coverage-ids (geavanceerde parameters), of probeer het later opnieuw; de al opgehaalde tegels blijven bewaard.</translation>
    </message>
    <message>
        <location filename="../../processing/national/ahn.py" line="176"/>
        <source>{} bytes that are no GeoTIFF</source>
        <translation>{} bytes die geen GeoTIFF zijn</translation>
    </message>
    <message>
        <location filename="../../processing/national/ahn.py" line="180"/>
        <source>a GeoTIFF of {} x {} cells</source>
        <translation>een GeoTIFF van {} x {} cellen</translation>
    </message>
    <message>
        <location filename="../../processing/national/ahn.py" line="185"/>
        <source>a GeoTIFF of another area (top left corner {:.0f}, {:.0f})</source>
        <translation>een GeoTIFF van een ander gebied (linkerbovenhoek {:.0f}, {:.0f})</translation>
    </message>
    <message>
        <location filename="../../processing/national/ahn.py" line="202"/>
        <source>an XML or HTML page</source>
        <translation>een XML- of HTML-pagina</translation>
    </message>
    <message>
        <location filename="../../processing/national/ahn.py" line="206"/>
        <source>an XML answer ({})</source>
        <translation>een XML-antwoord ({})</translation>
    </message>
    <message>
        <location filename="../../processing/national/ahn.py" line="208"/>
        <source>the service exception &apos;{}&apos;</source>
        <translation>de service-exception '{}'</translation>
    </message>
    <message>
        <location filename="../../processing/national/ahn.py" line="224"/>
        <source>Could not read the BGT land cover &apos;{uri}&apos; for the AHN mask; fetch the BGT again.</source>
        <translation>Kon de BGT-bodembedekking '{uri}' voor het AHN-masker niet lezen; haal de BGT opnieuw op.</translation>
    </message>
    <message>
        <location filename="../../processing/national/ahn.py" line="235"/>
        <source>The BGT land cover &apos;{layer}&apos; is not in RD New (EPSG:28992); the AHN mask needs it.</source>
        <translation>De BGT-bodembedekking '{layer}' is niet in RD New (EPSG:28992); het AHN-masker heeft dat nodig.</translation>
    </message>
    <message>
        <location filename="../../processing/national/ahn.py" line="327"/>
        <source>Could not write the AHN raster &apos;{path}&apos; ({reason}); check the free disk space.</source>
        <translation>Kon het AHN-raster '{path}' niet schrijven ({reason}); controleer de vrije schijfruimte.</translation>
    </message>
    <message>
        <location filename="../../processing/national/bag.py" line="95"/>
        <source>BAG: {} panden and {} verblijfsobjecten in use, from {} tiles.</source>
        <translation>BAG: {} panden en {} verblijfsobjecten in gebruik, uit {} tegels.</translation>
    </message>
    <message>
        <location filename="../../processing/national/gtfs.py" line="61"/>
        <source>OV stops: margin around the area (m)</source>
        <translation>OV-haltes: marge rond het gebied (m)</translation>
    </message>
    <message>
        <location filename="../../processing/national/gtfs.py" line="107"/>
        <source>OV: {} stops (stations with their platforms) within {:g} m.</source>
        <translation>OV: {} haltes (stations met hun perrons) binnen {:g} m.</translation>
    </message>
    <message>
        <location filename="../../processing/national/layers.py" line="32"/>
        <source>Could not create &apos;{path}&apos; in the scratch folder; check the disk.</source>
        <translation>Kon '{path}' niet aanmaken in de tijdelijke map; controleer de schijf.</translation>
    </message>
    <message>
        <location filename="../../processing/national/heat.py" line="55"/>
        <source>Heat table: PET variant (e.g. AHN4; empty: the newest)</source>
        <translation>Hittetabel: PET-variant (bijv. AHN4; leeg: de nieuwste)</translation>
    </message>
    <message>
        <location filename="../../processing/national/heat.py" line="80"/>
        <source>The heat table {url} has no buurt of {area}; check the address and the area.</source>
        <translation>De hittetabel {url} heeft geen buurt van {area}; controleer het adres en het gebied.</translation>
    </message>
    <message>
        <location filename="../../processing/national/heat.py" line="93"/>
        <source>Heat table: {} buurten ({}), variant &apos;{}&apos;.</source>
        <translation>Hittetabel: {} buurten ({}), variant '{}'.</translation>
    </message>
    <message>
        <location filename="../../processing/national/heat.py" line="108"/>
        <source>Heat table: an extent keeps every buurt of the table (it has no geometry); give a gemeente to keep only its buurten.</source>
        <translation>Hittetabel: bij een extent blijven alle buurten van de tabel over (die heeft geen geometrie); geef een gemeente op om alleen haar buurten te houden.</translation>
    </message>
    <message>
        <location filename="../../processing/national/leefbaarometer.py" line="58"/>
        <source>Leefbaarometer: level</source>
        <translation>Leefbaarometer: niveau</translation>
    </message>
    <message>
        <location filename="../../processing/national/leefbaarometer.py" line="65"/>
        <source>Leefbaarometer: year (2024: lbm3:wijkscore24)</source>
        <translation>Leefbaarometer: jaar (2024: lbm3:wijkscore24)</translation>
    </message>
    <message>
        <location filename="../../processing/national/leefbaarometer.py" line="110"/>
        <source>The Leefbaarometer ({name}) has no unit of {area}.</source>
        <translation>De Leefbaarometer ({name}) heeft geen eenheid van {area}.</translation>
    </message>
    <message>
        <location filename="../../processing/national/leefbaarometer.py" line="117"/>
        <source>Leefbaarometer {}: {} units.</source>
        <translation>Leefbaarometer {}: {} eenheden.</translation>
    </message>
    <message>
        <location filename="../../processing/national/layers.py" line="63"/>
        <source>Could not write &apos;{path}&apos; in the temporary folder ({reason}).</source>
        <translation>Kon '{path}' niet schrijven in de tijdelijke map ({reason}).</translation>
    </message>
</context>
<context>
    <name>network</name>
    <message>
        <location filename="../../processing/network.py" line="110"/>
        <source>From the cache: {}</source>
        <translation>Uit de cache: {}</translation>
    </message>
    <message>
        <location filename="../../processing/network.py" line="124"/>
        <source>{url} does not exist (HTTP 404). Check the address (parameter or QGIS setting) and the year.</source>
        <translation>{url} bestaat niet (HTTP 404). Controleer het adres (parameter of QGIS-instelling) en het jaar.</translation>
    </message>
    <message>
        <location filename="../../processing/network.py" line="141"/>
        <source>Could not write the cache folder &apos;{}&apos; ({}).</source>
        <translation>Kan niet schrijven in de cachemap '{}' ({}).</translation>
    </message>
    <message>
        <location filename="../../processing/network.py" line="169"/>
        <source>The answer of {url} is not JSON ({reason}); check that the address points at the service&apos;s API, not at a web page.</source>
        <translation>Het antwoord van {url} is geen JSON ({reason}); controleer dat het adres naar de API van de dienst wijst, niet naar een webpagina.</translation>
    </message>
    <message>
        <location filename="../../processing/network.py" line="187"/>
        <source>{url} links to itself as its next page; the paging cannot end.</source>
        <translation>{url} verwijst naar zichzelf als volgende pagina; het bladeren kan niet eindigen.</translation>
    </message>
    <message>
        <location filename="../../processing/network.py" line="213"/>
        <source>The answer of {url} holds no list of GeoJSON features; check that the address is an OGC API items URL.</source>
        <translation>Het antwoord van {url} bevat geen lijst met GeoJSON-features; controleer dat het adres een OGC API items-URL is.</translation>
    </message>
    <message>
        <location filename="../../processing/network.py" line="227"/>
        <source>Page {} of {}: {} features</source>
        <translation>Pagina {} van {}: {} features</translation>
    </message>
    <message>
        <location filename="../../processing/network.py" line="247"/>
        <source>{} answered HTTP {}; asking again in {:g} s.</source>
        <translation>{} antwoordde HTTP {}; opnieuw vragen over {:g} s.</translation>
    </message>
    <message>
        <location filename="../../processing/network.py" line="313"/>
        <source>{url} sent no data for {seconds:g} s and was given up. Try again later, or raise the timeout (Settings &gt; Options &gt; Network).</source>
        <translation>{url} stuurde {seconds:g} s geen gegevens en is opgegeven. Probeer het later opnieuw, of verhoog de time-out (Extra &gt; Opties &gt; Netwerk).</translation>
    </message>
    <message>
        <location filename="../../processing/network.py" line="323"/>
        <source>The connection to {url} was cut before the whole answer arrived; nothing was written. Try again.</source>
        <translation>De verbinding met {url} werd verbroken voordat het hele antwoord binnen was; er is niets geschreven. Probeer het opnieuw.</translation>
    </message>
    <message>
        <location filename="../../processing/network.py" line="331"/>
        <source>Could not reach {url} ({reason}). Check the network connection and the proxy settings (Settings &gt; Options &gt; Network).</source>
        <translation>{url} is niet bereikbaar ({reason}). Controleer de netwerkverbinding en de proxy-instellingen (Extra &gt; Opties &gt; Netwerk).</translation>
    </message>
    <message>
        <location filename="../../processing/network.py" line="344"/>
        <source>{url} answered HTTP {status}: the query returns more than 10000 records. Ask for fewer at a time: filter per gemeente.</source>
        <translation>{url} antwoordde HTTP {status}: de vraag levert meer dan 10000 records op. Vraag minder tegelijk: filter per gemeente.</translation>
    </message>
    <message>
        <location filename="../../processing/network.py" line="350"/>
        <source>{url} answered HTTP {status}, also when asked again; the service is busy or down. Try again later.</source>
        <translation>{url} antwoordde HTTP {status}, ook bij opnieuw vragen; de dienst is druk of buiten werking. Probeer het later opnieuw.</translation>
    </message>
    <message>
        <location filename="../../processing/network.py" line="355"/>
        <source>{url} answered HTTP {status}. Check the address (parameter or QGIS setting) and, if the service needs one, the authentication.</source>
        <translation>{url} antwoordde HTTP {status}. Controleer het adres (parameter of QGIS-instelling) en, als de dienst die vraagt, de authenticatie.</translation>
    </message>
    <message>
        <location filename="../../processing/network.py" line="299"/>
        <source>There is no authentication configuration &apos;{authcfg}&apos; in this QGIS profile (setting wijkdiagnose/authcfg). Pick one in Settings &gt; Options &gt; Authentication, or clear the setting.</source>
        <translation>Er is geen authenticatieconfiguratie '{authcfg}' in dit QGIS-profiel (instelling wijkdiagnose/authcfg). Kies er een in Instellingen &gt; Opties &gt; Authenticatie, of maak de instelling leeg.</translation>
    </message>
</context>
<context>
    <name>parameters</name>
    <message>
        <location filename="../../processing/parameters.py" line="69"/>
        <source>Land cover (polygons: BGT or OSM)</source>
        <translation>Bodembedekking (polygonen: BGT of OSM)</translation>
    </message>
    <message>
        <location filename="../../processing/parameters.py" line="69"/>
        <source>Land-cover class mapping</source>
        <translation>Klassenindeling van de bodembedekking</translation>
    </message>
    <message>
        <location filename="../../processing/parameters.py" line="60"/>
        <source>Wijken (polygons, with CBS or ind_* fields)</source>
        <translation>Wijken (polygonen, met CBS- of ind_*-velden)</translation>
    </message>
    <message>
        <location filename="../../processing/parameters.py" line="112"/>
        <source>Maintenance works (any geometry, or a table)</source>
        <translation>Onderhoudswerken (elke geometrie, of een tabel)</translation>
    </message>
    <message>
        <location filename="../../processing/parameters.py" line="112"/>
        <source>Type of work field</source>
        <translation>Veld met het type werk</translation>
    </message>
    <message>
        <location filename="../../processing/parameters.py" line="112"/>
        <source>Year field (a year, or a range like 2027-2029)</source>
        <translation>Veld met het jaar (een jaar, of een periode zoals 2027-2029)</translation>
    </message>
    <message>
        <location filename="../../processing/parameters.py" line="112"/>
        <source>End year field</source>
        <translation>Veld met het eindjaar</translation>
    </message>
    <message>
        <location filename="../../processing/parameters.py" line="112"/>
        <source>Wijk code field of the works</source>
        <translation>Veld met de wijkcode van de werken</translation>
    </message>
    <message>
        <location filename="../../processing/parameters.py" line="112"/>
        <source>Source field (e.g. the plan a work comes from)</source>
        <translation>Veld met de bron (bijv. het plan waar een werk uit komt)</translation>
    </message>
    <message>
        <location filename="../../processing/parameters.py" line="112"/>
        <source>Aanleidingen catalogue (TOML); empty for the shipped one</source>
        <translation>Catalogus van aanleidingen (TOML); leeg voor de meegeleverde</translation>
    </message>
    <message>
        <location filename="../../processing/parameters.py" line="112"/>
        <source>Graafrust window (years)</source>
        <translation>Graafrusttermijn (jaren)</translation>
    </message>
    <message>
        <location filename="../../processing/parameters.py" line="112"/>
        <source>Urgency threshold (score 0-100)</source>
        <translation>Urgentiedrempel (score 0-100)</translation>
    </message>
    <message>
        <location filename="../../processing/parameters.py" line="112"/>
        <source>Planning horizon: first year (empty: this year)</source>
        <translation>Planhorizon: eerste jaar (leeg: dit jaar)</translation>
    </message>
    <message>
        <location filename="../../processing/parameters.py" line="112"/>
        <source>Planning horizon: last year (empty: first year + {})</source>
        <translation>Planhorizon: laatste jaar (leeg: eerste jaar + {})</translation>
    </message>
    <message>
        <location filename="../../processing/parameters.py" line="173"/>
        <source>Service address with {year} (empty: the QGIS setting, or PDOK)</source>
        <translation>Adres van de dienst met {year} (leeg: de QGIS-instelling, of PDOK)</translation>
    </message>
    <message>
        <location filename="../../processing/parameters.py" line="179"/>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <location filename="../../processing/parameters.py" line="179"/>
        <source>Kwb year to start from (empty: the newest the service offers)</source>
        <translation>Kwb-jaar om mee te beginnen (leeg: het nieuwste dat de dienst aanbiedt)</translation>
    </message>
    <message>
        <location filename="../../processing/parameters.py" line="87"/>
        <source>Usable share of sloped roofs</source>
        <translation>Bruikbaar aandeel van schuine daken</translation>
    </message>
    <message>
        <location filename="../../processing/parameters.py" line="88"/>
        <source>Usable share of roofs of unknown shape</source>
        <translation>Bruikbaar aandeel van daken met een onbekende vorm</translation>
    </message>
</context>
<context>
    <name>source</name>
    <message>
        <location filename="../../processing/national/source.py" line="84"/>
        <source>The service address &apos;{url}&apos; of {source} is not an http(s) address; give one, or clear the parameter and the QGIS setting {setting}.</source>
        <translation>Het adres '{url}' van {source} is geen http(s)-adres; geef er een, of maak de parameter en de QGIS-instelling {setting} leeg.</translation>
    </message>
</context>
<context>
    <name>styles</name>
    <message>
        <location filename="../../processing/styles.py" line="227"/>
        <source>Style &apos;{}&apos; could not be applied: {}</source>
        <translation>Stijl '{}' kon niet worden toegepast: {}</translation>
    </message>
</context>
<context>
    <name>table_input</name>
    <message>
        <location filename="../../processing/table_input.py" line="45"/>
        <source>Layer &apos;{}&apos; is {} text, not UTF-8; read it as {}.</source>
        <translation>Laag '{}' is {}-tekst, geen UTF-8; ingelezen als {}.</translation>
    </message>
    <message>
        <location filename="../../processing/table_input.py" line="27"/>
        <source>Layer &apos;{}&apos; is empty; pick the layer that holds the rows.</source>
        <translation>Laag '{}' is leeg; kies de laag met de rijen.</translation>
    </message>
</context>
<context>
    <name>unit_codes</name>
    <message>
        <location filename="../../processing/unit_codes.py" line="15"/>
        <source>Wijk or buurt code field (empty: found by its name)</source>
        <translation>Veld met wijk- of buurtcode (leeg: gevonden op naam)</translation>
    </message>
    <message>
        <location filename="../../processing/unit_codes.py" line="30"/>
        <source>Layer '{layer}' has no wijk or buurt code field (wk_code, bu_code, …); pick the field with the CBS codes.</source>
        <translation>Laag '{layer}' heeft geen veld met wijk- of buurtcodes (wk_code, bu_code, …); kies het veld met de CBS-codes.</translation>
    </message>
</context>
<context>
    <name>unit_maps</name>
    <message>
        <location filename="../../processing/layouts/unit_maps.py" line="49"/>
        <source>Layer &apos;{}&apos; has no field &apos;{}&apos;, so the {} map cannot draw it. Give the output of {}, run on the diagnosed wijken.</source>
        <translation>Laag '{}' heeft geen veld '{}', dus de kaart {} kan haar niet tekenen. Geef de uitvoer van {}, gedraaid op de gediagnosticeerde wijken.</translation>
    </message>
    <message>
        <location filename="../../processing/layouts/unit_maps.py" line="58"/>
        <source>Field &apos;{}&apos; of layer &apos;{}&apos; holds {}, not numbers, so the {} map cannot colour it. Give the output of {}.</source>
        <translation>Veld '{}' van laag '{}' bevat {}, geen getallen, dus de kaart {} kan het niet inkleuren. Geef de uitvoer van {}.</translation>
    </message>
    <message>
        <location filename="../../processing/layouts/unit_maps.py" line="94"/>
        <source>No unit of layer &apos;{}&apos; belongs to a wijk of layer &apos;{}&apos; (its wijk field holds e.g. {}): the {} map shows none. Run {} on these wijken.</source>
        <translation>Geen eenheid van laag '{}' hoort bij een wijk van laag '{}' (het wijkveld bevat bijv. {}): de kaart {} toont er geen. Draai {} op deze wijken.</translation>
    </message>
    <message>
        <location filename="../../processing/layouts/unit_maps.py" line="105"/>
        <source>The {} map draws layer &apos;{}&apos; with the claims of the profile it was run with, not those of scenario &apos;{}&apos;; the caption under the map gives the scenario&apos;s pressure of the wijk.</source>
        <translation>De kaart {} tekent laag '{}' met de claims van het profiel waarmee die berekend is, niet die van scenario '{}'; het bijschrift onder de kaart geeft de druk van de wijk in het scenario.</translation>
    </message>
</context>
<context>
    <name>wijkblad</name>
    <message>
        <location filename="../../processing/layouts/atlas.py" line="42"/>
        <source>Layout template &apos;{}&apos; is not valid XML.</source>
        <translation>Layoutsjabloon '{}' is geen geldige XML.</translation>
    </message>
    <message>
        <location filename="../../processing/layouts/atlas.py" line="50"/>
        <source>Layout template &apos;{}&apos; could not be loaded.</source>
        <translation>Layoutsjabloon '{}' kon niet worden geladen.</translation>
    </message>
    <message>
        <location filename="../../processing/layouts/atlas.py" line="62"/>
        <source>Layout template &apos;{}&apos; has no {} item with id &apos;{}&apos;.</source>
        <translation>Layoutsjabloon '{}' heeft geen {}-item met id '{}'.</translation>
    </message>
    <message>
        <location filename="../../processing/layouts/atlas.py" line="87"/>
        <source>The wijken filter &apos;{}&apos; cannot be used: {}</source>
        <translation>Het wijkenfilter '{}' is niet bruikbaar: {}</translation>
    </message>
    <message>
        <location filename="../../processing/layouts/atlas.py" line="95"/>
        <source>No wijk of layer &apos;{}&apos; matches the filter &apos;{}&apos;.</source>
        <translation>Geen enkele wijk in laag '{}' voldoet aan het filter '{}'.</translation>
    </message>
    <message>
        <location filename="../../processing/layouts/atlas.py" line="125"/>
        <source>Field &apos;{}&apos; not found in layer &apos;{}&apos;: the {} map shows the wijk outlines only. Run &apos;Space claims against capacity&apos; first, or choose a claims layer.</source>
        <translation>Veld '{}' niet gevonden in laag '{}': de {}kaart toont alleen de wijkgrenzen. Voer eerst 'Ruimteclaims tegenover capaciteit' uit, of kies een claimlaag.</translation>
    </message>
    <message>
        <location filename="../../processing/layouts/export.py" line="95"/>
        <source>Not enough memory to render {}. Choose a lower DPI and try again.</source>
        <translation>Onvoldoende geheugen om {} te renderen. Kies een lagere DPI en probeer het opnieuw.</translation>
    </message>
    <message>
        <location filename="../../processing/layouts/export.py" line="98"/>
        <source>Cannot write to {}. Check that the folder exists and is writable, and that the file is not open in another application.</source>
        <translation>Kan niet schrijven naar {}. Controleer of de map bestaat en beschrijfbaar is, en of het bestand niet in een andere toepassing geopend is.</translation>
    </message>
    <message>
        <location filename="../../processing/layouts/export.py" line="103"/>
        <source>Could not create the print device for {}.</source>
        <translation>Kon het afdrukapparaat voor {} niet aanmaken.</translation>
    </message>
    <message>
        <location filename="../../processing/layouts/export.py" line="106"/>
        <source>Could not export the map layers of {} as SVG.</source>
        <translation>Kon de kaartlagen van {} niet als SVG exporteren.</translation>
    </message>
    <message>
        <location filename="../../processing/layouts/export.py" line="109"/>
        <source>Could not step through the wijken while exporting {} (atlas error).</source>
        <translation>Kon de wijken niet doorlopen bij het exporteren van {} (atlasfout).</translation>
    </message>
    <message>
        <location filename="../../processing/layouts/export.py" line="113"/>
        <source>Export of {} failed.</source>
        <translation>Export van {} is mislukt.</translation>
    </message>
</context>
</TS>
