<?xml version="1.0" encoding="UTF-8"?>
<!--
  The body walk of the .docx reader, run by libxslt (C) instead of a Python loop over lxml proxies
  (some six times faster). Output is text: one record per block, in reading order, in the format
  that body.py describes and alone reads (U+FDD0 starts a record, U+FDD1 name=value is a field,
  U+FDD5 starts a paragraph's text; U+FDD2 id U+FDD3 is a footnote reference and U+FDD4 char U+FDD1
  font U+FDD3 a w:sym inside it).
  Semantics mirror Word: deletions and moved-from text dropped, insertions kept, field codes
  skipped, content controls / custom XML / smart tags / hyperlinks read through, mc:Fallback
  copies ignored.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">
  <xsl:output method="text" encoding="UTF-8"/>
  <!-- Character style ids of note-reference marks, each between U+FDD1 delimiters. -->
  <xsl:param name="marks" select="''"/>

  <xsl:template match="/">
    <xsl:apply-templates select="w:document/w:body[1]/*" mode="body"/>
    <xsl:for-each select="w:footnotes//w:footnote[not(@w:type='separator' or @w:type='continuationSeparator'
                                                     or @w:type='continuationNotice')]">
      <xsl:text>&#xFDD0;N</xsl:text><xsl:value-of select="@w:id"/>
      <xsl:for-each select=".//w:p"><xsl:call-template name="para"/></xsl:for-each>
    </xsl:for-each>
  </xsl:template>

  <!-- Blocks: paragraphs and tables, through content controls, custom XML and insertions. -->
  <xsl:template match="w:p" mode="body">
    <xsl:call-template name="para"/>
    <xsl:for-each select=".//w:txbxContent[not(ancestor::mc:Fallback)]">
      <xsl:for-each select=".//w:p"><xsl:call-template name="para"><xsl:with-param name="kind" select="'X'"/></xsl:call-template></xsl:for-each>
    </xsl:for-each>
  </xsl:template>
  <xsl:template match="w:p" mode="cell"><xsl:call-template name="para"/></xsl:template>
  <xsl:template match="w:tbl" mode="body"><xsl:call-template name="table"/></xsl:template>
  <xsl:template match="w:tbl" mode="cell"><xsl:call-template name="table"/></xsl:template>
  <xsl:template match="w:sdt" mode="body">
    <xsl:apply-templates select="w:sdtContent[1]/* | self::*[not(w:sdtContent)]/*" mode="body"/>
  </xsl:template>
  <xsl:template match="w:sdt" mode="cell">
    <xsl:apply-templates select="w:sdtContent[1]/* | self::*[not(w:sdtContent)]/*" mode="cell"/>
  </xsl:template>
  <xsl:template match="w:sdtContent|w:customXml|w:ins|w:moveTo" mode="body"><xsl:apply-templates select="*" mode="body"/></xsl:template>
  <xsl:template match="w:sdtContent|w:customXml|w:ins|w:moveTo" mode="cell"><xsl:apply-templates select="*" mode="cell"/></xsl:template>
  <xsl:template match="*" mode="body"/>
  <xsl:template match="*" mode="cell"/>

  <!-- Tables: rows and cells, through the same wrappers (not moveTo, as Word does not put rows there). -->
  <xsl:template name="table">
    <xsl:text>&#xFDD0;T</xsl:text><xsl:if test="w:tblPr/w:bidiVisual">&#xFDD1;bidiVisual=1</xsl:if>
    <xsl:apply-templates select="*" mode="rows"/>
    <xsl:text>&#xFDD0;E</xsl:text>
  </xsl:template>
  <xsl:template match="w:tr" mode="rows"><xsl:text>&#xFDD0;R</xsl:text><xsl:apply-templates select="*" mode="cells"/></xsl:template>
  <xsl:template match="w:sdt|w:sdtContent|w:customXml|w:ins" mode="rows"><xsl:apply-templates select="*" mode="rows"/></xsl:template>
  <xsl:template match="*" mode="rows"/>
  <xsl:template match="w:tc" mode="cells">
    <xsl:variable name="tcPr" select="w:tcPr[1]"/>
    <xsl:text>&#xFDD0;C</xsl:text>
    <xsl:for-each select="$tcPr/w:vMerge[1]">&#xFDD1;vMerge=<xsl:value-of select="@w:val"/></xsl:for-each>
    <xsl:for-each select="$tcPr/w:gridSpan[1]/@w:val">&#xFDD1;gridSpan=<xsl:value-of select="."/></xsl:for-each>
    <xsl:apply-templates select="*" mode="cell"/>
  </xsl:template>
  <xsl:template match="w:sdt|w:sdtContent|w:customXml|w:ins" mode="cells"><xsl:apply-templates select="*" mode="cells"/></xsl:template>
  <xsl:template match="*" mode="cells"/>

  <!-- A paragraph: its properties, then its visible text. -->
  <xsl:template name="para">
    <xsl:param name="kind" select="'P'"/>
    <xsl:text>&#xFDD0;</xsl:text><xsl:value-of select="$kind"/>
    <!-- As Word reads w:pPr: a later property overrides an earlier one of the same name. Each field
         present is written as U+FDD1 name=value (body.PARA_FIELDS names them); a for-each over the
         zero or one node is one XPath evaluation where variables, tests and value-of took three. -->
    <xsl:for-each select="w:pPr[1]">
      <xsl:for-each select="w:pStyle[last()]/@w:val">&#xFDD1;style=<xsl:value-of select="."/></xsl:for-each>
      <xsl:for-each select="w:bidi[last()]">&#xFDD1;bidi=<xsl:value-of select="@w:val"/><xsl:if test="not(@w:val)">1</xsl:if></xsl:for-each>
      <xsl:for-each select="w:numPr[last()]/w:numId[1]/@w:val">&#xFDD1;numId=<xsl:value-of select="."/></xsl:for-each>
      <xsl:for-each select="w:numPr[last()]/w:ilvl[1]">&#xFDD1;ilvl=<xsl:value-of select="@w:val"/><xsl:if test="not(@w:val)">0</xsl:if></xsl:for-each>
    </xsl:for-each>
    <xsl:text>&#xFDD5;</xsl:text>
    <xsl:apply-templates select="*" mode="text"/>
  </xsl:template>

  <xsl:template match="w:r" mode="text">
    <xsl:choose>
      <xsl:when test="w:footnoteReference">
        <xsl:text>&#xFDD2;</xsl:text><xsl:value-of select="w:footnoteReference[1]/@w:id"/><xsl:text>&#xFDD3;</xsl:text>
      </xsl:when>
      <!-- a run in a note-mark style holding only a mark (digits, * † ‡ § ¶, separators, an ordinal
           suffix: '2', '1, ', '1quater') is dropped; any other text in it (words styled so by mistake) is kept -->
      <xsl:when test="w:rPr[1]/w:rStyle[1]/@w:val
                      and contains($marks, concat('&#xFDD1;', w:rPr[1]/w:rStyle[1]/@w:val, '&#xFDD1;'))
                      and contains('&#xFDD1;&#xFDD1;bis&#xFDD1;ter&#xFDD1;quater&#xFDD1;quinquies&#xFDD1;sexies&#xFDD1;',
                                   concat('&#xFDD1;', normalize-space(translate(., '0123456789*&#x2020;&#x2021;&#xA7;&#xB6;,;()&#xA0;', '')), '&#xFDD1;'))"/>
      <xsl:when test="count(*) - count(w:rPr) = 1 and w:t">  <!-- most runs: properties and one w:t -->
        <xsl:value-of select="w:t/node()[1][self::text()]"/>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates select="*" mode="text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="w:t" mode="text"><xsl:value-of select="node()[1][self::text()]"/></xsl:template>
  <xsl:template match="w:tab" mode="text"><xsl:text>&#9;</xsl:text></xsl:template>
  <xsl:template match="w:br|w:cr" mode="text"><xsl:text>&#10;</xsl:text></xsl:template>
  <xsl:template match="w:noBreakHyphen" mode="text"><xsl:text>&#x2011;</xsl:text></xsl:template>
  <xsl:template match="w:sym" mode="text">
    <xsl:text>&#xFDD4;</xsl:text><xsl:value-of select="@w:char"/><xsl:text>&#xFDD1;</xsl:text>
    <xsl:value-of select="@w:font"/><xsl:text>&#xFDD3;</xsl:text>
  </xsl:template>
  <!-- Never text: deletions, properties, field codes, fallbacks, marks; nested paragraphs, tables and
       text boxes are read as blocks of their own. -->
  <xsl:template match="w:del|w:moveFrom|w:pPr|w:rPr|w:delText|w:instrText|mc:Fallback|w:commentReference
                       |w:proofErr|w:bookmarkStart|w:bookmarkEnd|w:lastRenderedPageBreak|w:p|w:tbl
                       |w:txbxContent|w:fldChar|w:softHyphen" mode="text"/>
  <xsl:template match="*" mode="text"><xsl:apply-templates select="*" mode="text"/></xsl:template>
</xsl:stylesheet>
