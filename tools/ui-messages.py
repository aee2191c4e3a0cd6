#!/usr/bin/env python3
"""Writes the web UI's message bundles (en, fi, sv) from one table, so the three stay aligned.
Run from the repository root: python3 tools/ui-messages.py. The bundles are committed; the
test BundleCompletenessTest checks them on every build."""
import os

T = {}
def t(key, en, fi, sv):
    T[key] = (en, fi, sv)

t('app.name', 'Election Pool Hub', 'Vaalipoolin tietopalvelu', 'Valpoolens informationsnav')
t('footer.text', 'Every act is signed or attested and recorded in the audit log.', 'Jokainen toimenpide allekirjoitetaan tai vahvistetaan ja kirjataan tarkastuslokiin.', 'Varje åtgärd signeras eller intygas och registreras i granskningsloggen.')
# navigation
t('nav.skip', 'Skip to content', 'Siirry sisältöön', 'Hoppa till innehållet')
t('nav.label', 'Main', 'Päävalikko', 'Huvudmeny')
t('nav.home', 'Home', 'Etusivu', 'Startsida')
t('nav.cases', 'Cases', 'Tapaukset', 'Ärenden')
t('nav.indicators', 'Indicators', 'Indikaattorit', 'Indikatorer')
t('nav.audit', 'Audit log', 'Tarkastusloki', 'Granskningslogg')
t('nav.organizations', 'Organisations', 'Organisaatiot', 'Organisationer')
t('nav.people', 'People', 'Käyttäjät', 'Användare')
t('nav.account', 'My account', 'Oma tili', 'Mitt konto')
t('nav.language', 'Language', 'Kieli', 'Språk')
t('nav.language.change', 'Change', 'Vaihda', 'Byt')
t('nav.signout', 'Sign out', 'Kirjaudu ulos', 'Logga ut')
# sign-in
t('login.title', 'Sign in', 'Kirjaudu sisään', 'Logga in')
t('login.intro', 'Sign in with the user name and password your organisation gave you.', 'Kirjaudu organisaatiosi antamalla käyttäjätunnuksella ja salasanalla.', 'Logga in med det användarnamn och lösenord som din organisation gav dig.')
t('login.username', 'User name', 'Käyttäjätunnus', 'Användarnamn')
t('login.username.required', 'Enter your user name.', 'Anna käyttäjätunnuksesi.', 'Ange ditt användarnamn.')
t('login.password', 'Password', 'Salasana', 'Lösenord')
t('login.password.required', 'Enter your password.', 'Anna salasanasi.', 'Ange ditt lösenord.')
t('login.code', 'Code from your authenticator app', 'Todennussovelluksen koodi', 'Kod från din autentiseringsapp')
t('login.code.hint', 'Six digits; a code works only once.', 'Kuusi numeroa; koodin voi käyttää vain kerran.', 'Sex siffror; en kod fungerar bara en gång.')
t('login.code.required', 'Enter the code.', 'Anna koodi.', 'Ange koden.')
t('login.enrol.title', 'Set up your second factor', 'Ota käyttöön toinen tunnistautumistapa', 'Aktivera din andra faktor')
t('login.enrol.intro', 'Your role needs a second factor. Add this secret to an authenticator app (RFC 6238, 6 digits, 30 seconds), then enter its first code.', 'Roolisi edellyttää toista tunnistautumistapaa. Lisää tämä salaisuus todennussovellukseen (RFC 6238, 6 numeroa, 30 sekuntia) ja anna sen ensimmäinen koodi.', 'Din roll kräver en andra faktor. Lägg till denna hemlighet i en autentiseringsapp (RFC 6238, 6 siffror, 30 sekunder) och ange dess första kod.')
t('login.enrol.secret', 'Secret:', 'Salaisuus:', 'Hemlighet:')
t('login.enrol.uri', 'Or this address:', 'Tai tämä osoite:', 'Eller denna adress:')
t('login.submit', 'Sign in', 'Kirjaudu', 'Logga in')
t('login.failed', 'Signing in failed. Check your user name, password and code, and try again in a moment.', 'Kirjautuminen epäonnistui. Tarkista käyttäjätunnus, salasana ja koodi ja yritä hetken kuluttua uudelleen.', 'Inloggningen misslyckades. Kontrollera användarnamn, lösenord och kod och försök igen om en stund.')
t('expired.title', 'The page has expired', 'Sivu on vanhentunut', 'Sidan har gått ut')
t('expired.text', 'The form was too old or not sent from this hub, so nothing was done. Open the page again.', 'Lomake oli liian vanha tai sitä ei lähetetty tästä palvelusta, joten mitään ei tehty. Avaa sivu uudelleen.', 'Formuläret var för gammalt eller skickades inte från denna tjänst, så ingenting gjordes. Öppna sidan igen.')
t('expired.home', 'To the home page', 'Etusivulle', 'Till startsidan')
t('notfound.title', 'Not found', 'Ei löytynyt', 'Hittades inte')
t('notfound.text', 'There is nothing here that you can see.', 'Täältä ei löydy mitään, mitä voisit nähdä.', 'Här finns ingenting som du kan se.')
# home
t('home.title', 'Home', 'Etusivu', 'Startsida')
t('home.new-case', 'New case', 'Uusi tapaus', 'Nytt ärende')
t('home.open', 'Open cases', 'Avoimet tapaukset', 'Öppna ärenden')
t('home.overdue', 'overdue', 'myöhässä', 'försenade')
t('home.answered-today', 'answered today', 'vastattu tänään', 'besvarade i dag')
t('home.attention', 'Needs attention: overdue first, then by deadline', 'Vaatii huomiota: myöhässä olevat ensin, sitten määräajan mukaan', 'Kräver uppmärksamhet: försenade först, sedan efter tidsfrist')
t('home.queue', 'Your queue: deadline first', 'Jonosi: määräaika ensin', 'Din kö: tidsfrist först')
t('home.nothing-open', 'No open cases.', 'Ei avoimia tapauksia.', 'Inga öppna ärenden.')
t('home.speed.platforms', 'How fast platforms answer', 'Alustojen vastausnopeus', 'Hur snabbt plattformarna svarar')
t('home.speed.authorities', 'Your answers per authority', 'Vastauksenne viranomaisittain', 'Era svar per myndighet')
t('home.speed.hint', 'Cases created in the last 90 days; medians in hours.', 'Viimeisten 90 päivän tapaukset; mediaanit tunteina.', 'Ärenden skapade de senaste 90 dagarna; medianer i timmar.')
t('home.speed.organization', 'Organisation', 'Organisaatio', 'Organisation')
t('home.speed.cases', 'Cases', 'Tapauksia', 'Ärenden')
t('home.speed.ack', 'Median time to acknowledge', 'Kuittauksen mediaaniaika', 'Mediantid till kvittering')
t('home.speed.resolve', 'Median time to resolve', 'Ratkaisun mediaaniaika', 'Mediantid till avgörande')
t('home.speed.on-time', 'Resolved on time', 'Ratkaistu ajallaan', 'Avgjorda i tid')
t('home.speed.ack.short', 'acknowledged', 'kuitattu', 'kvitterat')
t('home.speed.resolve.short', 'resolved', 'ratkaistu', 'avgjort')
t('home.speed.on-time.short', 'on time', 'ajallaan', 'i tid')
t('home.speed.chart', 'Median hours to acknowledge and to resolve, and the share resolved on time, per organisation (the table above has the same figures).', 'Kuittauksen ja ratkaisun mediaanitunnit sekä ajallaan ratkaistujen osuus organisaatioittain (yllä oleva taulukko sisältää samat luvut).', 'Mediantimmar till kvittering och avgörande samt andelen avgjorda i tid, per organisation (tabellen ovan har samma siffror).')
t('home.auditor', 'Browse the audit log, check entries against the latest checkpoint and download evidence bundles.', 'Selaa tarkastuslokia, tarkista merkinnät viimeisintä tarkistuspistettä vasten ja lataa todistepaketteja.', 'Bläddra i granskningsloggen, kontrollera poster mot den senaste kontrollpunkten och ladda ner bevispaket.')
t('home.operator', 'Register organisations and their first administrators.', 'Rekisteröi organisaatioita ja niiden ensimmäiset pääkäyttäjät.', 'Registrera organisationer och deras första administratörer.')
t('time.days', '{0} days', '{0} päivää', '{0} dagar')
t('time.hours-minutes', '{0} h {1} min', '{0} h {1} min', '{0} h {1} min')
t('time.minutes', '{0} min', '{0} min', '{0} min')
t('time.left', '{0} left', '{0} jäljellä', '{0} kvar')
t('time.overdue', 'overdue by {0}', 'myöhässä {0}', 'försenad {0}')
t('time.hours-decimal', '{0,number,0.0} h', '{0,number,0.0} h', '{0,number,0.0} h')
t('time.percent', '{0} %', '{0} %', '{0} %')
# cases
t('cases.title', 'Cases', 'Tapaukset', 'Ärenden')
t('cases.any', 'Any', 'Kaikki', 'Alla')
t('cases.overdue', 'Overdue', 'Myöhässä', 'Försenad')
t('cases.overdue.yes', 'Overdue only', 'Vain myöhässä olevat', 'Endast försenade')
t('cases.overdue.no', 'Not overdue', 'Ei myöhässä', 'Inte försenade')
t('cases.apply', 'Show', 'Näytä', 'Visa')
t('cases.none', 'No cases match.', 'Ei vastaavia tapauksia.', 'Inga ärenden matchar.')
t('cases.paging', 'Pages', 'Sivut', 'Sidor')
t('cases.first', 'First page', 'Ensimmäinen sivu', 'Första sidan')
t('cases.next', 'Next page', 'Seuraava sivu', 'Nästa sida')
t('case.id', 'Case id', 'Tapauksen tunnus', 'Ärende-id')
t('case.title', 'Title', 'Otsikko', 'Rubrik')
t('case.kind', 'Kind', 'Laji', 'Typ')
t('case.status', 'State', 'Tila', 'Status')
t('case.overdue', 'overdue', 'myöhässä', 'försenad')
t('case.authority', 'Authority', 'Viranomainen', 'Myndighet')
t('case.addressee', 'Platform', 'Alusta', 'Plattform')
t('case.parties', 'From → to', 'Lähettäjä → vastaanottaja', 'Från → till')
t('case.reference', 'Your reference', 'Viitteenne', 'Er referens')
t('case.priority', 'Priority', 'Kiireellisyys', 'Prioritet')
t('case.deadline', 'Deadline', 'Määräaika', 'Tidsfrist')
t('case.deadline.hint', 'Leave empty for the default deadline of the kind and priority.', 'Jätä tyhjäksi, niin määräaika määräytyy lajin ja kiireellisyyden mukaan.', 'Lämna tomt för standardfristen för typ och prioritet.')
t('case.created', 'Created', 'Luotu', 'Skapad')
t('case.updated', 'Updated', 'Päivitetty', 'Uppdaterad')
t('case.election', 'Election', 'Vaali', 'Val')
t('case.issued-at', 'Issued at', 'Annettu', 'Utfärdad')
t('case.official', 'Issuing official', 'Antanut virkamies', 'Utfärdande tjänsteman')
t('case.official.name', 'Name', 'Nimi', 'Namn')
t('case.official.role', 'Position', 'Asema', 'Befattning')
t('case.contact', 'Contact e-mail', 'Yhteyssähköposti', 'Kontaktadress (e-post)')
t('case.legal-basis', 'Legal basis', 'Oikeusperuste', 'Rättslig grund')
t('case.statement-of-reasons', 'Statement of reasons', 'Perustelut', 'Motivering')
t('case.category', 'Category', 'Luokka', 'Kategori')
t('case.territorial-scope', 'Territorial scope', 'Alueellinen soveltamisala', 'Territoriellt tillämpningsområde')
t('case.territorial-scope.hint', 'Two-letter country codes separated by commas, e.g. FI, SE.', 'Kaksikirjaimiset maakoodit pilkuin eroteltuina, esim. FI, SE.', 'Landskoder med två bokstäver åtskilda med kommatecken, t.ex. FI, SE.')
t('case.redress', 'Redress available', 'Muutoksenhaku', 'Rättsmedel')
t('case.language', 'Language of the order', 'Määräyksen kieli', 'Beslutets språk')
t('case.provider-may-be-informed', 'The platform may inform the content provider', 'Alusta saa ilmoittaa sisällön tarjoajalle', 'Plattformen får informera innehållsleverantören')
t('case.tlp', 'Sharing marking', 'Jakoluokitus', 'Delningsmärkning')
t('case.tlp.hint', 'TLP 2.0: who beyond the two parties may see the case.', 'TLP 2.0: kuka osapuolten lisäksi saa nähdä tapauksen.', 'TLP 2.0: vem utöver parterna som får se ärendet.')
t('case.items', 'Items', 'Kohteet', 'Objekt')
t('case.item', 'Item', 'Kohde', 'Objekt')
t('case.item.type', 'Type', 'Tyyppi', 'Typ')
t('case.item.value', 'Address or identifier', 'Osoite tai tunniste', 'Adress eller identifierare')
t('case.item.description', 'Description', 'Kuvaus', 'Beskrivning')
t('case.item.add', 'Add an item', 'Lisää kohde', 'Lägg till objekt')
t('case.item.remove', 'Remove item', 'Poista kohde', 'Ta bort objekt')
t('case.new.title', 'New case', 'Uusi tapaus', 'Nytt ärende')
t('case.new.choose-kind', 'What do you send?', 'Mitä lähetät?', 'Vad skickar du?')
t('case.new.chosen', 'chosen', 'valittu', 'vald')
t('case.new.choose', 'Choose…', 'Valitse…', 'Välj…')
t('case.new.required-hint', 'Fields marked * are required for this kind.', 'Tähdellä * merkityt kentät ovat pakollisia tälle lajille.', 'Fält märkta med * krävs för denna typ.')
t('case.new.zone-hint', 'Time zone:', 'Aikavyöhyke:', 'Tidszon:')
t('case.new.submit', 'Send the case', 'Lähetä tapaus', 'Skicka ärendet')
t('case.new.kind.required', 'Choose the kind first.', 'Valitse ensin laji.', 'Välj typ först.')
t('case.new.datetime.invalid', 'Enter a date and time.', 'Anna päivämäärä ja kellonaika.', 'Ange datum och tid.')
t('case.detail.title', 'Case', 'Tapaus', 'Ärende')
t('case.linked', 'Linked cases', 'Linkitetyt tapaukset', 'Länkade ärenden')
t('case.receipts', 'Recorded in the audit log', 'Kirjattu tarkastuslokiin', 'Registrerat i granskningsloggen')
t('case.receipt', '{0} Recorded at log index {1} (checkpoint of {2} entries).', '{0} Kirjattu lokiin indeksillä {1} ({2} merkinnän tarkistuspiste).', '{0} Registrerat i loggen på index {1} (kontrollpunkt med {2} poster).')
t('case.step.done', '{0}: done.', '{0}: tehty.', '{0}: klart.')
t('case.responded', 'Response to item {0} sent.', 'Vastaus kohteeseen {0} lähetetty.', 'Svar på objekt {0} skickat.')
t('case.actions', 'What you can do now', 'Mitä voit nyt tehdä', 'Vad du kan göra nu')
t('case.actions.none', 'Nothing in this state.', 'Ei mitään tässä tilassa.', 'Ingenting i detta läge.')
t('case.note', 'Note with the action (optional)', 'Huomautus toimenpiteeseen (valinnainen)', 'Anteckning till åtgärden (valfri)')
t('case.thread', 'Messages and steps', 'Viestit ja vaiheet', 'Meddelanden och steg')
t('case.message', 'Message to the other party', 'Viesti toiselle osapuolelle', 'Meddelande till den andra parten')
t('case.message.send', 'Send the message', 'Lähetä viesti', 'Skicka meddelandet')
t('case.message.posted', 'Message sent.', 'Viesti lähetetty.', 'Meddelandet skickat.')
t('case.attachments', 'Attachments', 'Liitteet', 'Bilagor')
t('case.attachments.none', 'No attachments.', 'Ei liitteitä.', 'Inga bilagor.')
t('case.attachment.upload', 'Attach a file', 'Liitä tiedosto', 'Bifoga en fil')
t('case.attachment.hint', 'PNG, JPEG, GIF, WebP, PDF, text, CSV, MP4 or JSON; at most 384 KiB.', 'PNG, JPEG, GIF, WebP, PDF, teksti, CSV, MP4 tai JSON; enintään 384 KiB.', 'PNG, JPEG, GIF, WebP, PDF, text, CSV, MP4 eller JSON; högst 384 KiB.')
t('case.attachment.send', 'Upload', 'Lähetä', 'Ladda upp')
t('case.attachment.none', 'Choose a file first.', 'Valitse ensin tiedosto.', 'Välj en fil först.')
t('case.attachment.too-large', 'The file is larger than {0} KiB.', 'Tiedosto on suurempi kuin {0} KiB.', 'Filen är större än {0} KiB.')
t('case.attachment.added', 'Attachment {0} added.', 'Liite {0} lisätty.', 'Bilaga {0} tillagd.')
t('attachment.name', 'File', 'Tiedosto', 'Fil')
t('attachment.type', 'Type', 'Tyyppi', 'Typ')
t('attachment.size', 'Bytes', 'Tavua', 'Byte')
t('attachment.sha256', 'SHA-256', 'SHA-256', 'SHA-256')
t('attachment.uploaded', 'Uploaded', 'Lähetetty', 'Uppladdad')
t('response.outcome', 'Outcome', 'Lopputulos', 'Utfall')
t('response.action-taken-at', 'Action taken at', 'Toimenpiteen aika', 'Åtgärden vidtogs')
t('response.tco-reason', 'Reason for not complying (TCO)', 'Syy noudattamatta jättämiseen (TCO)', 'Skäl till att inte följa (TCO)')
t('response.tco-reason.none', 'None', 'Ei mitään', 'Inget')
t('response.statement', 'Statement of reasons', 'Perusteluselvitys', 'Motivering')
t('response.responded-at', 'Responded at', 'Vastattu', 'Besvarat')
t('response.none', 'No response yet.', 'Ei vielä vastausta.', 'Inget svar ännu.')
t('response.give', 'Respond to item', 'Vastaa kohteeseen', 'Svara på objekt')
t('response.change', 'Change the response to item', 'Muuta vastausta kohteeseen', 'Ändra svaret på objekt')
t('response.send', 'Send the response to item', 'Lähetä vastaus kohteeseen', 'Skicka svaret på objekt')
t('sor.visibility', 'Decision on visibility', 'Näkyvyyttä koskeva päätös', 'Beslut om synlighet')
t('sor.ground', 'Ground of the decision', 'Päätöksen peruste', 'Grund för beslutet')
t('sor.category', 'Category', 'Luokka', 'Kategori')
t('sor.automated-detection', 'Detected by automated means', 'Havaittu automaattisesti', 'Upptäckt automatiskt')
t('sor.automated-decision', 'Automated decision', 'Automaattinen päätös', 'Automatiserat beslut')
t('sor.facts', 'Facts and circumstances', 'Tosiseikat ja olosuhteet', 'Fakta och omständigheter')
# enums
for k, en, fi, sv in [
    ('REMOVAL_ORDER', 'Removal order', 'Poistomääräys', 'Avlägsnandeorder'),
    ('REFERRAL', 'Referral', 'Ilmoitus', 'Hänvisning'),
    ('INFORMATION_REQUEST', 'Information request', 'Tietopyyntö', 'Begäran om information'),
    ('ALERT', 'Alert', 'Hälytys', 'Varning')]:
    t('kind.' + k, en, fi, sv)
t('kind.REMOVAL_ORDER.hint', 'A binding order to remove or disable content (DSA Art. 9).', 'Sitova määräys sisällön poistamiseksi tai estämiseksi (DSA 9 art.).', 'En bindande order om att avlägsna eller blockera innehåll (DSA art. 9).')
t('kind.REFERRAL.hint', 'Content you ask the platform to check against its terms.', 'Sisältö, jonka pyydät alustaa tarkistamaan ehtojensa mukaisesti.', 'Innehåll som du ber plattformen att pröva mot sina villkor.')
t('kind.INFORMATION_REQUEST.hint', 'A binding order to provide information (DSA Art. 10).', 'Sitova määräys tietojen antamiseksi (DSA 10 art.).', 'En bindande order om att lämna information (DSA art. 10).')
t('kind.ALERT.hint', 'A heads-up with no deadline.', 'Ennakkotieto ilman määräaikaa.', 'En förvarning utan tidsfrist.')
for k, en, fi, sv in [
    ('SUBMITTED', 'Submitted', 'Lähetetty', 'Inskickat'),
    ('ACKNOWLEDGED', 'Acknowledged', 'Kuitattu', 'Kvitterat'),
    ('IN_PROGRESS', 'In progress', 'Käsittelyssä', 'Under behandling'),
    ('NEEDS_INFORMATION', 'Needs information', 'Odottaa tietoja', 'Behöver information'),
    ('RESOLVED', 'Resolved', 'Ratkaistu', 'Avgjort'),
    ('CLOSED', 'Closed', 'Suljettu', 'Stängt'),
    ('WITHDRAWN', 'Withdrawn', 'Peruttu', 'Återkallat'),
    ('REOPENED', 'Reopened', 'Avattu uudelleen', 'Återöppnat')]:
    t('status.' + k, en, fi, sv)
for k, en, fi, sv in [
    ('ACKNOWLEDGE', 'Acknowledge', 'Kuittaa', 'Kvittera'),
    ('START', 'Start work', 'Aloita käsittely', 'Påbörja'),
    ('REQUEST_INFORMATION', 'Request information', 'Pyydä tietoja', 'Begär information'),
    ('PROVIDE_INFORMATION', 'Information provided', 'Tiedot annettu', 'Information lämnad'),
    ('RESOLVE', 'Resolve', 'Ratkaise', 'Avgör'),
    ('CLOSE', 'Close', 'Sulje', 'Stäng'),
    ('WITHDRAW', 'Withdraw', 'Peru', 'Återkalla'),
    ('REOPEN', 'Reopen', 'Avaa uudelleen', 'Återöppna')]:
    t('action.' + k, en, fi, sv)
for k, en, fi, sv in [('NORMAL', 'Normal', 'Normaali', 'Normal'), ('HIGH', 'High', 'Korkea', 'Hög'), ('CRITICAL', 'Critical', 'Kriittinen', 'Kritisk')]:
    t('priority.' + k, en, fi, sv)
for k, en, fi, sv in [
    ('CONTENT_URL', 'Content address (URL)', 'Sisällön osoite (URL)', 'Innehållets adress (URL)'),
    ('PLATFORM_CONTENT_ID', 'Platform content id', 'Alustan sisältötunniste', 'Plattformens innehålls-id'),
    ('ACCOUNT', 'Account', 'Tili', 'Konto'),
    ('HASHTAG', 'Hashtag', 'Aihetunniste', 'Hashtagg'),
    ('CONTENT_HASH', 'Content hash', 'Sisällön tiiviste', 'Innehållets hash')]:
    t('item.' + k, en, fi, sv)
for k, en, fi, sv in [
    ('REMOVED', 'Removed', 'Poistettu', 'Avlägsnat'),
    ('DISABLED_IN_TERRITORY', 'Disabled in the territory', 'Estetty alueella', 'Blockerat i territoriet'),
    ('RESTRICTED_VISIBILITY', 'Visibility restricted', 'Näkyvyyttä rajoitettu', 'Synlighet begränsad'),
    ('LABELLED', 'Labelled', 'Merkitty', 'Märkt'),
    ('ACCOUNT_SUSPENDED', 'Account suspended', 'Tili jäädytetty', 'Konto avstängt'),
    ('NO_ACTION', 'No action', 'Ei toimenpiteitä', 'Ingen åtgärd'),
    ('CANNOT_COMPLY', 'Cannot comply', 'Ei voida noudattaa', 'Kan inte följa')]:
    t('outcome.' + k, en, fi, sv)
for k, en, fi, sv in [
    ('FORCE_MAJEURE', 'Force majeure', 'Ylivoimainen este', 'Force majeure'),
    ('MANIFEST_ERROR', 'Manifest error', 'Ilmeinen virhe', 'Uppenbart fel'),
    ('INSUFFICIENT_INFORMATION', 'Insufficient information', 'Riittämättömät tiedot', 'Otillräcklig information')]:
    t('tco.' + k, en, fi, sv)
for k, en, fi, sv in [
    ('ELECTORAL_DISINFORMATION', 'Electoral disinformation', 'Vaaleihin liittyvä disinformaatio', 'Valrelaterad desinformation'),
    ('VOTER_SUPPRESSION', 'Voter suppression', 'Äänestämisen estäminen', 'Väljarundertryckande'),
    ('IMPERSONATION_OF_ELECTION_OFFICIALS', 'Impersonation of election officials', 'Vaaliviranomaisiksi tekeytyminen', 'Imitation av valförrättare'),
    ('FOREIGN_INFORMATION_MANIPULATION', 'Foreign information manipulation', 'Ulkomainen informaatiovaikuttaminen', 'Utländsk informationsmanipulation'),
    ('DOXXING_OF_CANDIDATES', 'Doxxing of candidates', 'Ehdokkaiden henkilötietojen levittäminen', 'Spridning av kandidaters personuppgifter'),
    ('TERRORIST_CONTENT', 'Terrorist content', 'Terroristisisältö', 'Terroristiskt innehåll')]:
    t('category.' + k, en, fi, sv)
for k, en, fi, sv in [
    ('fi', 'Finnish', 'suomi', 'finska'), ('sv', 'Swedish', 'ruotsi', 'svenska'), ('en', 'English', 'englanti', 'engelska'),
    ('de', 'German', 'saksa', 'tyska'), ('fr', 'French', 'ranska', 'franska'), ('et', 'Estonian', 'viro', 'estniska')]:
    t('language.' + k, en, fi, sv)
for k, en, fi, sv in [
    ('DECISION_VISIBILITY_CONTENT_REMOVED', 'Content removed', 'Sisältö poistettu', 'Innehåll avlägsnat'),
    ('DECISION_VISIBILITY_CONTENT_DISABLED', 'Content disabled', 'Sisältö estetty', 'Innehåll blockerat'),
    ('DECISION_VISIBILITY_CONTENT_DEMOTED', 'Content demoted', 'Sisällön näkyvyyttä alennettu', 'Innehåll nedprioriterat'),
    ('DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED', 'Content age-restricted', 'Sisällölle ikäraja', 'Innehåll åldersbegränsat'),
    ('DECISION_VISIBILITY_CONTENT_INTERACTION_RESTRICTED', 'Interaction restricted', 'Vuorovaikutusta rajoitettu', 'Interaktion begränsad'),
    ('DECISION_VISIBILITY_CONTENT_LABELLED', 'Content labelled', 'Sisältö merkitty', 'Innehåll märkt'),
    ('DECISION_VISIBILITY_OTHER', 'Other', 'Muu', 'Annat'),
    ('DECISION_GROUND_ILLEGAL_CONTENT', 'Illegal content', 'Laiton sisältö', 'Olagligt innehåll'),
    ('DECISION_GROUND_INCOMPATIBLE_CONTENT', 'Incompatible with the terms', 'Ehtojen vastainen', 'Oförenligt med villkoren'),
    ('STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS', 'Negative effects on civic discourse or elections', 'Kielteiset vaikutukset yhteiskunnalliseen keskusteluun tai vaaleihin', 'Negativa effekter på samhällsdebatt eller val'),
    ('STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH', 'Illegal or harmful speech', 'Laiton tai haitallinen puhe', 'Olagligt eller skadligt tal'),
    ('STATEMENT_CATEGORY_VIOLENCE', 'Violence', 'Väkivalta', 'Våld'),
    ('STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS', 'Data protection and privacy violations', 'Tietosuojan ja yksityisyyden loukkaukset', 'Kränkningar av dataskydd och integritet'),
    ('STATEMENT_CATEGORY_SCAMS_AND_FRAUD', 'Scams and fraud', 'Huijaukset ja petokset', 'Bedrägerier'),
    ('STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE', 'Scope of the platform service', 'Alustapalvelun soveltamisala', 'Plattformstjänstens omfattning'),
    ('AUTOMATED_DECISION_FULLY', 'Fully automated', 'Täysin automaattinen', 'Helt automatiserat'),
    ('AUTOMATED_DECISION_PARTIALLY', 'Partially automated', 'Osittain automaattinen', 'Delvis automatiserat'),
    ('AUTOMATED_DECISION_NOT_AUTOMATED', 'Not automated', 'Ei automaattinen', 'Inte automatiserat')]:
    t('sor.' + k, en, fi, sv)
for k, en, fi, sv in [
    ('ORG_ADMIN', 'Organisation admin', 'Organisaation pääkäyttäjä', 'Organisationens administratör'),
    ('CASE_OFFICER', 'Case officer', 'Käsittelijä', 'Handläggare'),
    ('ANALYST', 'Analyst', 'Analyytikko', 'Analytiker'),
    ('VIEWER', 'Viewer', 'Katselija', 'Läsare'),
    ('AUDITOR', 'Auditor', 'Tarkastaja', 'Granskare'),
    ('OPERATOR', 'Hub operator', 'Palvelun ylläpitäjä', 'Tjänstens operatör')]:
    t('role.' + k, en, fi, sv)
# account
t('account.title', 'My account', 'Oma tili', 'Mitt konto')
t('account.username', 'User name', 'Käyttäjätunnus', 'Användarnamn')
t('account.organization', 'Organisation', 'Organisaatio', 'Organisation')
t('account.roles', 'Roles', 'Roolit', 'Roller')
t('account.password.expired', 'Choose a new password before you continue.', 'Valitse uusi salasana ennen kuin jatkat.', 'Välj ett nytt lösenord innan du fortsätter.')
t('account.password.title', 'Password', 'Salasana', 'Lösenord')
t('account.password.rules', 'At least 15 characters, any characters, spaces too; not a common password and not your user name or organisation.', 'Vähintään 15 merkkiä, mitä tahansa merkkejä, myös välilyöntejä; ei yleinen salasana eikä käyttäjätunnuksesi tai organisaatiosi.', 'Minst 15 tecken, vilka tecken som helst, även mellanslag; inte ett vanligt lösenord och inte ditt användarnamn eller din organisation.')
t('account.password.current', 'Current password', 'Nykyinen salasana', 'Nuvarande lösenord')
t('account.password.new', 'New password', 'Uusi salasana', 'Nytt lösenord')
t('account.password.confirm', 'New password again', 'Uusi salasana uudelleen', 'Nytt lösenord igen')
t('account.password.change', 'Change the password', 'Vaihda salasana', 'Byt lösenord')
t('account.password.mismatch', 'The two new passwords differ.', 'Uudet salasanat eivät täsmää.', 'De två nya lösenorden skiljer sig.')
t('account.password.changed', 'Password changed. Your other sessions have ended.', 'Salasana vaihdettu. Muut istuntosi on päätetty.', 'Lösenordet har bytts. Dina andra sessioner har avslutats.')
t('account.zone.title', 'Time zone', 'Aikavyöhyke', 'Tidszon')
t('account.zone', 'Dates and times are shown in', 'Päivämäärät ja ajat näytetään vyöhykkeellä', 'Datum och tider visas i')
t('account.save', 'Save', 'Tallenna', 'Spara')
t('account.saved', 'Saved.', 'Tallennettu.', 'Sparat.')
t('account.sessions.title', 'Sessions', 'Istunnot', 'Sessioner')
t('account.sessions.text', 'End every session of yours, on every device, including this one.', 'Päätä kaikki istuntosi kaikilla laitteilla, myös tämä.', 'Avsluta alla dina sessioner på alla enheter, även denna.')
t('account.sessions.end', 'Sign out everywhere', 'Kirjaudu ulos kaikkialta', 'Logga ut överallt')
# password policy messages (PasswordPolicy keys)
t('violation.password-too-short', 'Use at least 15 characters.', 'Käytä vähintään 15 merkkiä.', 'Använd minst 15 tecken.')
t('violation.password-too-long', 'Use at most 128 characters.', 'Käytä enintään 128 merkkiä.', 'Använd högst 128 tecken.')
t('violation.password-common', 'This password is too common.', 'Tämä salasana on liian yleinen.', 'Detta lösenord är för vanligt.')
t('violation.password-context', 'Do not use your user name or organisation in the password.', 'Älä käytä salasanassa käyttäjätunnustasi tai organisaatiotasi.', 'Använd inte ditt användarnamn eller din organisation i lösenordet.')
t('violation.password-wrong', 'The current password is not right.', 'Nykyinen salasana on väärä.', 'Det nuvarande lösenordet är fel.')
t('violation.password-same', 'Choose a password you have not used now.', 'Valitse eri salasana kuin nykyinen.', 'Välj ett annat lösenord än det nuvarande.')

def load_extra():
    path = 'tools/ui-messages-extra.tsv'
    if os.path.exists(path):
        for line in open(path, encoding='utf-8'):
            line = line.rstrip('\n')
            if line and not line.startswith('#'):
                k, en, fi, sv = line.split('\t')
                t(k, en, fi, sv)
load_extra()

def esc(v):
    out = []
    for ch in v:
        if ch in '\\':
            out.append('\\\\')
        elif ch == '\n':
            out.append('\\n')
        else:
            out.append(ch)
    s = ''.join(out)
    if s.startswith(' '):
        s = '\\' + s
    return s

base = 'hub-web/src/main/resources/org/electionpool/hub/web/ui/'
os.makedirs(base, exist_ok=True)
for i, suffix in enumerate(['', '_fi', '_sv']):
    with open(base + 'Messages' + suffix + '.properties', 'w', encoding='utf-8') as f:
        f.write('# Generated by tools/ui-messages.py (UTF-8); edit the table there, not this file.\n')
        for k in sorted(T):
            f.write(k + '=' + esc(T[k][i]) + '\n')
print(len(T), 'keys')
